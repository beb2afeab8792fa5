"""Curated parts that combine into several hundred plausible names of things each: book, movie and
song titles, hotels, restaurants (and a longer curated list of pet names). The combined lists are fixed
tuples built once in a fixed order, so values stay seeded and are drawn with one vectorized take.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

_ADJ_BOOK = ("Silent", "Hidden", "Last", "Forgotten", "Painted", "Broken", "Secret", "Golden", "Quiet",
             "Lost", "Burning", "Winter", "Invisible", "Distant", "Paper", "Glass", "Wild", "Stolen", "Bright",
             "Sleeping", "Narrow", "Crimson", "Lonely", "Ancient", "Hollow", "Wandering", "Little", "Final")
_NOUN_BOOK = ("Garden", "Orchard", "Lighthouse", "Daughter", "House", "Library", "River", "Promise", "Country",
              "Island", "Letter", "Keeper", "Shore", "Bridge", "Map", "Season", "Kingdom", "Harvest", "Witness",
              "Winter", "Summer", "Road", "Voyage", "Apprentice", "Archive", "Chapel", "Valley", "Mirror")
_OF_BOOK = ("Ash", "Salt", "Stars", "Bones", "Small Things", "Lost Time", "the North", "Water", "Light",
            "the Tides", "Memory", "Thorns", "Dust", "Silence", "Forgetting", "Summer", "the Deep", "Wolves")
_ADJ_MOVIE = ("Dark", "Last", "Silent", "Crimson", "Endless", "Midnight", "Frozen", "Hidden", "Broken",
              "Final", "Lost", "Iron", "Electric", "Savage", "Fallen", "Rising", "Burning", "Deadly", "Hollow",
              "Wild", "Northern", "Violent", "Perfect", "Secret")
_NOUN_MOVIE = ("Horizon", "Protocol", "Frontier", "Signal", "Heist", "Tide", "Empire", "Witness", "Storm",
               "Legacy", "Night", "Hour", "Harbor", "Ghost", "Mission", "Code", "Game", "Reckoning", "Passage",
               "Descent", "Outpost", "Kingdom", "Escape", "Inheritance")
_OF_MOVIE = ("the Past", "Tomorrow", "Fire", "the Deep", "Silence", "the Lost", "Thunder", "the Sun", "Glass",
             "Shadows", "the Fallen", "Steel", "the Night", "Eden", "the North", "Honor")
_ADJ_SONG = ("Golden", "Electric", "Neon", "Midnight", "Summer", "Silver", "Wild", "Broken", "Lonely",
             "Velvet", "Crystal", "Burning", "Sweet", "Fading", "Shining", "Restless", "Paper", "Blue", "Little",
             "Crazy", "Hollow", "Endless")
_NOUN_SONG = ("Heart", "Hour", "Lights", "Rain", "Dreams", "Eyes", "Fire", "Sky", "Love", "Days", "Roads",
              "Nights", "Wings", "Waves", "Stars", "Soul", "Memories", "Highway", "Radio", "Summer", "Ghost",
              "Kiss")
_SONG_LINES = ("Dancing in the {}", "Lost in the {}", "Waiting for the {}", "Under the {}", "Chasing the {}",
               "Back to the {}", "Running from the {}", "Take Me to the {}")
_SONG_PLACES = ("Dark", "Rain", "Sun", "Moonlight", "City", "Ocean", "Fire", "Sky", "Night", "Light",
                "Morning", "River", "Storm", "Stars")
_HOTEL_PLACES = ("Harbour", "Lakeside", "Riverside", "Parkside", "Old Town", "Central", "Seaside", "Hillside",
                 "Bayview", "Grand Canal", "Market Square", "Cathedral", "Station", "Royal Park", "Marina",
                 "Castle Hill", "Garden", "Ocean View", "Mountain View", "City Centre", "Airport", "Palm Beach",
                 "Crystal Bay", "Sunset", "Meadow", "Northgate", "Westminster", "Victoria", "Beacon", "Cliffside")
_HOTEL_KINDS = ("Hotel", "Inn", "Suites", "Lodge", "Resort", "Resort & Spa", "Boutique Hotel", "Guesthouse",
                "Grand Hotel", "Plaza", "Residences", "Retreat")
_HOTEL_ADJ = ("Royal", "Grand", "Imperial", "Majestic", "Golden", "Regal", "Continental", "Metropolitan",
              "Emerald", "Silver", "Heritage", "Windsor")
_RESTAURANT_OWNERS = ("Marco", "Rosa", "Luigi", "Maria", "Sofia", "Antonio", "Carmen", "Joe", "Mama Lucia",
                      "Nonna", "Pierre", "Yuki", "Kenji", "Ravi", "Anita", "Hassan", "Leila", "Dimitri",
                      "Elena", "Pablo", "Ming", "Sam", "Charlie", "Molly", "Frankie", "Otto", "Ingrid", "Omar")
_RESTAURANT_KINDS = ("Kitchen", "Grill", "Bistro", "Diner", "Trattoria", "Tavern", "Cantina", "Eatery", "Cafe",
                     "Brasserie", "Pizzeria", "Table", "Noodle House", "Steakhouse", "Smokehouse", "Taqueria")
_RESTAURANT_ADJ = ("Golden", "Rusty", "Hungry", "Crooked", "Blue", "Green", "Copper", "Brass", "Silver", "Little",
                   "Olive", "Red", "Wild", "Salty", "Smoky", "Lucky", "Humble", "Velvet", "Black", "Old")
_RESTAURANT_NOUNS = ("Spoon", "Anchor", "Fork", "Table", "Lantern", "Oak", "Kettle", "Pot", "Ladle", "Pig",
                     "Rooster", "Barrel", "Vine", "Pearl", "Olive", "Goat", "Hearth", "Pepper", "Door", "Plate")
PET_NAMES = (
    "Bella", "Max", "Luna", "Charlie", "Lucy", "Cooper", "Daisy", "Milo", "Bailey", "Rocky", "Coco", "Buddy",
    "Sadie", "Teddy", "Molly", "Bear", "Lola", "Leo", "Stella", "Duke", "Zoe", "Oliver", "Nala", "Loki", "Penny",
    "Winston", "Rosie", "Simba", "Ginger", "Oscar", "Pepper", "Biscuit", "Maple", "Mochi", "Ziggy", "Shadow",
    "Willow", "Bruno", "Gus", "Hazel", "Jasper", "Kiwi", "Tucker", "Murphy", "Toby", "Jack", "Bentley", "Zeus",
    "Harley", "Riley", "Ruby", "Roxy", "Lily", "Gracie", "Chloe", "Sophie", "Abby", "Lady", "Maggie", "Ellie",
    "Piper", "Dixie", "Belle", "Honey", "Rusty", "Sammy", "Henry", "Louie", "Finn", "Ollie", "Archie", "Benny",
    "Baxter", "Bandit", "Moose", "Rex", "Diesel", "Tank", "Ace", "Apollo", "Atlas", "Bolt", "Boomer", "Brutus",
    "Buster", "Chase", "Chester", "Chico", "Dexter", "Ernie", "Felix", "Frankie", "George", "Gizmo", "Hank",
    "Hunter", "Jax", "Koda", "Lucky", "Marley", "Mickey", "Ozzy", "Peanut", "Prince", "Ranger", "Remy", "Rufus",
    "Sarge", "Scout", "Shiloh", "Sparky", "Thor", "Tiger", "Trooper", "Waffles", "Wally", "Yogi", "Ziggy Stardust",
    "Angel", "Annie", "Bonnie", "Callie", "Cleo", "Cookie", "Dolly", "Emma", "Fiona", "Gigi", "Holly", "Ivy",
    "Izzy", "Josie", "Kona", "Layla", "Lulu", "Mia", "Millie", "Minnie", "Missy", "Misty", "Nova", "Olive",
    "Pixie", "Poppy", "Princess", "Queenie", "Sasha", "Sugar", "Sunny", "Trixie", "Violet", "Xena", "Zelda",
    "Whiskers", "Mittens", "Smokey", "Socks", "Tigger", "Garfield", "Salem", "Midnight", "Patches", "Boots",
    "Snowball", "Oreo", "Pumpkin", "Marmalade", "Pickles", "Noodle", "Nugget", "Muffin", "Cupcake", "Butterscotch",
    "Caramel", "Cinnamon", "Nutmeg", "Pretzel", "Tofu", "Sushi", "Wasabi", "Dumpling", "Bean", "Beans", "Fudge",
    "Hershey", "Java", "Mocha", "Espresso", "Latte", "Brownie", "Cheddar", "Waffle", "Pancake", "Taco", "Nacho",
    "Churro", "Olive", "Peaches", "Mango", "Cherry", "Berry", "Plum", "Clementine", "Pippin", "Basil", "Sage",
    "Juniper", "Clover", "Fern", "Aspen", "Cedar", "Birch", "River", "Storm", "Sky", "Misty Blue", "Dusty",
    "Sandy", "Rusty Jr", "Pebbles", "Rocco", "Bruiser", "Chewie", "Yoda", "Luke", "Leia", "Sherlock", "Watson",
    "Einstein", "Newton", "Darwin", "Tesla", "Edison", "Picasso", "Mozart", "Elvis", "Bowie", "Dylan", "Marley Mae",
    "Frodo", "Bilbo", "Gandalf", "Hobbes", "Calvin", "Snoopy", "Scooby", "Pluto", "Goofy", "Bambi", "Dory", "Nemo",
    "Hachi", "Kuma", "Hana", "Sora", "Yuki", "Momo", "Taro", "Kiko", "Suki", "Miso", "Pocky", "Bao", "Pho",
    "Fluffy", "Fuzzy", "Snuggles", "Cuddles", "Bubbles", "Button", "Buttons", "Sprinkles", "Jellybean", "Twix",
    "Skittles", "Bingo", "Bobo", "Dodo", "Kiki", "Coco Chanel", "Lulu Belle", "Daisy Mae", "Ellie Mae", "Rosie Lee",
    "Otis", "Ozzie", "Bodhi", "Kobe", "Milo Jr", "Theo", "Arlo", "Enzo", "Hugo", "Ludo", "Nico", "Rio", "Tito",
    "Zuzu", "Beau", "Blue", "Gunner", "Maverick", "Ryder", "Tyson", "Rambo", "Rocky Balboa", "Duchess", "Countess",
    "Baroness", "Sir Reginald", "Lord Fluffington", "Captain", "Major", "Sergeant", "Admiral", "Biscuit Boy",
)


def _cross(template: str, *parts: tuple[str, ...]) -> list[str]:
    return [template.format(*combo) for combo in product(*parts)]


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if "  " not in v))


@lru_cache(maxsize=None)
def combined_pool(meaning: str) -> tuple[str, ...]:
    """The combined names for ``meaning`` (empty when it has none): curated parts crossed in a fixed order."""
    if meaning == "book_title":
        return _unique(_cross("The {} {}", _ADJ_BOOK, _NOUN_BOOK) + _cross("The {} of {}", _NOUN_BOOK, _OF_BOOK)
                       + _cross("A {} of {}", ("Season", "Map", "Song", "House", "Country", "Kingdom"), _OF_BOOK))
    if meaning == "movie_title":
        return _unique(_cross("The {} {}", _ADJ_MOVIE, _NOUN_MOVIE) + _cross("{} of {}", _NOUN_MOVIE, _OF_MOVIE)
                       + _cross("{} {}", _ADJ_MOVIE, _NOUN_MOVIE))
    if meaning == "song_title":
        lines = [line.format(place) for line, place in product(_SONG_LINES, _SONG_PLACES)]
        return _unique(_cross("{} {}", _ADJ_SONG, _NOUN_SONG) + lines)
    if meaning == "hotel_name":
        return _unique(_cross("Hotel {}", _HOTEL_PLACES) + _cross("{} {}", _HOTEL_PLACES, _HOTEL_KINDS)
                       + _cross("The {} {}", _HOTEL_ADJ, _HOTEL_KINDS))
    if meaning == "restaurant_name":
        return _unique(_cross("{}'s {}", _RESTAURANT_OWNERS, _RESTAURANT_KINDS)
                       + _cross("The {} {}", _RESTAURANT_ADJ, _RESTAURANT_NOUNS))
    if meaning == "pet_name":
        return _unique(list(PET_NAMES))
    return ()
