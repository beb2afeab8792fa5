"""Round 3 of real-user phrasings: values written straight after a label, one column per sentence,
value lists inside a prose comma list, bracketed descriptions, and 'host name' outside networking."""
from __future__ import annotations

import pytest

from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import generate


def fields_of(text: str) -> dict:
    return {f.name: f for f in extract_offline(text).schema.fields}


def columns_of(text: str, n: int = 300) -> dict[str, list]:
    """Generated data, column by column."""
    return generate(text, n)


# ---------------------------------------------------------------- 'status active or inactive'

def test_prose_or_list_after_label_is_an_enum():
    f = fields_of("500 gym members with name, email, status active or inactive and signup date in the last year")
    assert "status" in f and "status_active_or_inactive" not in f
    assert f["status"].type == "enum"
    assert f["status"].constraints.enum_values == ["active", "inactive"]
    assert f["signup_date"].type == "date"


def test_prose_or_list_with_two_word_label():
    f = fields_of("Car rentals, 900 of them: rental id (uuid), car class economy or compact or suv or luxury, "
                  "discount code only when car class is luxury")
    assert f["car_class"].constraints.enum_values == ["economy", "compact", "suv", "luxury"]
    assert f["discount_code"].constraints.when == "car_class = 'luxury'"


def test_slash_list_after_label_is_an_enum():
    f = fields_of("Weather observations, 400 rows: station id, temperature C (-10 to 35), condition sunny/cloudy/rainy")
    assert f["condition"].constraints.enum_values == ["sunny", "cloudy", "rainy"]


def test_gender_written_with_its_values():
    f = fields_of("people with name and gender male or female")
    assert f["gender"].constraints.enum_values == ["male", "female"]


@pytest.mark.parametrize("text, column", [
    ("users with contact email or phone, name", "contact_email_or_phone"),
    ("rows with created date or time", "created_date_or_time"),
])
def test_or_between_column_words_is_not_a_value_list(text, column):
    assert column in fields_of(text)


def test_weighted_values_written_after_the_label():
    f = fields_of("Dental appointments x 1500. Patient email, dentist (Dr Patel, Dr Kim, Dr Olsen), appointment type "
                  "cleaning or filling or extraction, booked at in the last 60 days, starts at after booked at, "
                  "cost 50-1,200 GBP, status scheduled 70% / cancelled 20% / no-show 10%.")
    assert f["status"].constraints.enum_values == ["scheduled", "cancelled", "no-show"]
    assert f["status"].constraints.weights == [70.0, 20.0, 10.0]
    assert f["appointment_type"].constraints.enum_values == ["cleaning", "filling", "extraction"]
    assert f["dentist"].constraints.enum_values == ["Dr Patel", "Dr Kim", "Dr Olsen"]
    assert f["starts_at"].constraints.after == "booked_at"
    assert f["cost"].constraints.max_value == 1200


# ---------------------------------------------------------------- one column per sentence

def test_one_column_per_sentence():
    result = extract_offline("Staff roster, 300 rows. Employee name. department: sales, ops, hr. Salary 30k-90k. "
                             "Hire date between 2015-01-01 and 2025-12-31.")
    f = {x.name: x for x in result.schema.fields}
    assert result.total_rows == 300
    assert set(f) == {"employee_name", "department", "salary", "hire_date"}
    assert f["department"].constraints.enum_values == ["sales", "ops", "hr"]
    assert (f["salary"].constraints.min_value, f["salary"].constraints.max_value) == (30000, 90000)
    assert f["hire_date"].type == "date"


def test_lowercase_sentences_each_name_a_column():
    f = fields_of("bike share rides, 10k rows. ride id (uuid). station: Central, Riverside, Park, Harbor, University. "
                  "rider type: member or casual. duration mins 2-180. started at in the last 14 days with time. "
                  "ended at after started at.")
    assert list(f) == ["ride_id", "station", "rider_type", "duration_mins", "started_at", "ended_at"]
    assert f["station"].constraints.enum_values == ["Central", "Riverside", "Park", "Harbor", "University"]
    assert f["rider_type"].constraints.enum_values == ["member", "casual"]
    assert f["ended_at"].constraints.after == "started_at"


def test_header_sentence_with_its_own_list_keeps_both():
    f = fields_of("Generate 300 staff with name and email. department: sales, ops. Salary 30k-90k. "
                  "Joined in the last year.")
    assert {"name", "email", "department", "salary", "joined"} <= set(f)


def test_sentence_rows_generate_the_asked_values():
    cols = columns_of("Staff roster, 300 rows. Employee name. department: sales, ops, hr. Salary 30k-90k. "
                      "Hire date between 2015-01-01 and 2025-12-31.")
    assert set(cols["department"]) == {"sales", "ops", "hr"}
    assert all(30000 <= float(v) <= 90000 for v in cols["salary"])
    assert max(map(float, cols["salary"])) - min(map(float, cols["salary"])) > 20000


def test_prose_enum_generates_only_its_values():
    cols = columns_of("500 gym members with name, email, status active or inactive and signup date in the last year")
    assert set(cols["status"]) == {"active", "inactive"}


def test_weighted_values_after_label_generate_their_shares():
    cols = columns_of("Dental appointments x 1500. Patient email, dentist (Dr Patel, Dr Kim), appointment type "
                      "cleaning or filling, cost 50-1,200 GBP, status scheduled 70% / cancelled 20% / no-show 10%.",
                      n=2000)
    share = cols["status"].count("scheduled") / len(cols["status"])
    assert 0.62 <= share <= 0.78
    assert set(cols["status"]) == {"scheduled", "cancelled", "no-show"}


def test_abbreviation_does_not_end_a_sentence():
    f = fields_of("Clinic visits, 200 rows. doctor: Dr. Patel or Dr. Kim. visit date in 2025. fee 40-400. "
                  "paid yes/no.")
    assert "doctor" in f and "visit_date" in f and "fee" in f and "paid" in f


# ---------------------------------------------------------------- comma lists

def test_value_list_at_the_end_of_a_prose_list():
    f = fields_of("Recipes (200). Each one has a title, prep minutes 5-90 and a cuisine: Italian, Thai, Mexican")
    assert set(f) == {"title", "prep_minutes", "cuisine"}
    assert f["cuisine"].constraints.enum_values == ["Italian", "Thai", "Mexican"]


def test_column_after_a_value_list_stays_a_column():
    f = fields_of("300 users with status: active, inactive, name, email")
    assert f["status"].constraints.enum_values == ["active", "inactive"]
    assert "name" in f and "email" in f


def test_each_has_introduces_the_list():
    f = fields_of("I want 250 podcast episodes. Each has an episode number (unique), a title, the host name, "
                  "duration minutes 15-120")
    assert "episode_number" in f and f["episode_number"].constraints.unique
    assert f["host_name"].type == "full_name"


def test_host_name_of_a_server_is_a_domain():
    f = fields_of("Server access logs, 300 rows: host name, ip address, timestamp")
    assert f["host_name"].type == "domain"


# ---------------------------------------------------------------- descriptions

@pytest.mark.parametrize("text, name, description", [
    ("300 people with name, age (18-80), city", "age", "age (18-80)"),
    ("Survey: age ((18-80)), score (1-5, integer)", "age", "age (18-80)"),
    ("Survey: age ((18-80)), score (1-5, integer)", "score", "score (1-5, integer)"),
    ("people with joined (last year)", "joined", "joined (last year)"),
    ("people with age between 18 and 80", "age", "age (between 18 and 80)"),
])
def test_descriptions_carry_single_brackets(text, name, description):
    assert fields_of(text)[name].description == description


def test_no_description_has_doubled_brackets():
    text = ("Survey responses - 1200 rows\n- respondent id (UUID)\n- age ((18-80))\n"
            "- country: USA 50%, Canada 30%, Mexico 20%\n- satisfaction score 1-10 (integer)")
    for f in extract_offline(text).schema.fields:
        assert "((" not in f.description and "))" not in f.description


def test_flag_values_after_label_read_like_the_colon_form():
    plain = fields_of("orders with id, delivered yes or no, total")["delivered"]
    colon = fields_of("orders with id, delivered: yes/no, total")["delivered"]
    assert (plain.type, plain.constraints.enum_values) == (colon.type, colon.constraints.enum_values)


def test_codes_after_a_typed_label_are_its_values():
    f = fields_of("1000 orders with order id, amount 5-500 dollars, currency USD or EUR or GBP")
    assert "currency" in f
    assert f["currency"].constraints.enum_values == ["USD", "EUR", "GBP"]


def test_dash_after_the_count_introduces_the_list():
    result = extract_offline("Make 400 transactions - id, amount (1-2000), type debit or credit, "
                             "merchant category groceries/fuel/dining/travel")
    f = {x.name: x for x in result.schema.fields}
    assert result.total_rows == 400
    assert list(f) == ["id", "amount", "type", "merchant_category"]
    assert f["merchant_category"].constraints.enum_values == ["groceries", "fuel", "dining", "travel"]


def test_bare_last_week_style_periods_end_the_label():
    f = fields_of("Make 400 transactions - id, timestamp past week, signup date last year, review date next month, "
                  "last login past day, last name")
    assert (f["timestamp"].constraints.min_value, f["timestamp"].constraints.max_value) == ("-7d", "now")
    assert f["signup_date"].constraints.min_value == "-1y"
    assert f["review_date"].constraints.max_value == "+1M"
    assert f["last_login"].type == "datetime"
    assert f["last_name"].type == "last_name"


def test_weighted_values_without_separators():
    f = fields_of("Need 1.2k patients: patient id, name, smoker yes 20% no 80%, device mobile 60% desktop 35% tablet 5%")
    assert f["smoker"].constraints.enum_values == ["yes", "no"]
    assert f["smoker"].constraints.weights == [20.0, 80.0]
    assert f["device"].constraints.enum_values == ["mobile", "desktop", "tablet"]
    assert f["device"].constraints.weights == [60.0, 35.0, 5.0]


def test_condition_on_a_status_written_with_its_weights():
    f = fields_of("orders (2500): order no, qty 1-20, refunded only if status is returned, "
                  "status delivered 85% returned 10% lost 5%")
    assert f["status"].constraints.enum_values == ["delivered", "returned", "lost"]
    assert f["refunded"].constraints.when == "status = 'returned'"


def test_sorted_by_is_not_a_column():
    result = extract_offline("List of 600 books: title, genre fiction or non-fiction or poetry, "
                             "published year 1950-2025, sorted by published year")
    assert [f.name for f in result.schema.fields] == ["title", "genre", "published_year"]
    assert any("order" in w for w in result.warnings)


def test_empty_for_a_share_of_rows():
    f = fields_of("employees x 400 with manager name, start date after 2018-01-01, end date after start date "
                  "(empty for 70%)")
    assert f["end_date"].constraints.null_probability == 0.7
    assert f["end_date"].constraints.after == "start_date"
    assert f["end_date"].constraints.when is None


def test_values_with_a_number_in_their_name():
    f = fields_of("Quiz attempts x 3000. student email, quiz name (Algebra 1, Geometry, Calculus), attempt number 1-3")
    assert f["quiz_name"].constraints.enum_values == ["Algebra 1", "Geometry", "Calculus"]
    assert (f["attempt_number"].constraints.min_value, f["attempt_number"].constraints.max_value) == (1, 3)


@pytest.mark.parametrize("segment", ["min 5, max 10", "about 30, up to 90"])
def test_range_words_with_numbers_are_no_value_list(segment):
    from src.extraction.fields_values import parse_value_list

    assert parse_value_list(segment) is None


def test_out_of_a_number_is_a_range_from_zero():
    f = fields_of("Quiz attempts x 3000. student email, score out of 100, grade out of 10 (one decimal)")
    assert (f["score"].constraints.min_value, f["score"].constraints.max_value) == (0, 100)
    assert (f["grade"].constraints.min_value, f["grade"].constraints.max_value) == (0, 10)
    assert f["grade"].constraints.decimals == 1


def test_weights_without_separators_generate_their_shares():
    cols = columns_of("Need 1.2k patients: patient id, device mobile 60% desktop 35% tablet 5%", n=2000)
    share = cols["device"].count("mobile") / len(cols["device"])
    assert 0.52 <= share <= 0.68


def test_within_a_span_without_last_means_the_recent_past():
    f = fields_of("Users: 100. Columns: username, last seen within 48 hours, purchase date in 2025")
    assert (f["last_seen"].constraints.min_value, f["last_seen"].constraints.max_value) == ("-48h", "now")


def test_within_days_of_another_column_is_not_a_period():
    import src.extraction.periods as pe

    period, _ = pe.find_period("within 14 days of the order date")
    assert period is None


@pytest.mark.parametrize("text, rows", [
    ("Users: 100. Columns: username, email, signup date", 100),
    ("Tickets: 700. id. priority P1/P2/P3. created at last 2 weeks. agent name.", 700),
])
def test_count_after_a_title_and_colon(text, rows):
    assert extract_offline(text).total_rows == rows


def test_film_director_is_a_person():
    f = fields_of("Give me 120 movies with a title, director, release year 1980-2024")
    assert f["director"].type == "full_name"


def test_one_word_label_with_two_values_and_paired_weights():
    f = fields_of("1500 loan applications. applicant name; income 20k-250k; decision approved/declined (60/40)")
    assert f["decision"].constraints.enum_values == ["approved", "declined"]
    assert f["decision"].constraints.weights == [60.0, 40.0]


def test_spaced_dash_between_numbers_is_a_range_not_a_label():
    f = fields_of("Members (n=900): member id, points 0 - 100k, email optional (20% missing), phone (optional)")
    assert (f["points"].constraints.min_value, f["points"].constraints.max_value) == (0, 100000)
    assert f["email"].constraints.null_probability == 0.2
    assert "phone" in f


def test_bare_count_of_things_in_the_header_is_a_pool():
    f = fields_of("machine telemetry – 50 machines, a reading every 5 min for the past 2 days (28800 rows). "
                  "fields: machine id, timestamp, rpm 800-3600")
    assert f["machine_id"].constraints.cardinality == 50
    assert f["timestamp"].constraints.step == "5m"


def test_row_count_written_with_k_is_no_pool():
    f = fields_of("5k customers with customer id, name, email")
    assert f["customer_id"].constraints.cardinality is None


def test_flag_written_with_only_its_yes_share():
    f = fields_of("Timesheets, 2000 rows:\n- employee id\n- billable - yes 75%\n- overtime: no 90%\n- remote (30% true)")
    assert (f["billable"].type, f["billable"].constraints.weights) == ("boolean", [75.0, 25.0])
    assert (f["overtime"].type, f["overtime"].constraints.weights) == ("boolean", [10.0, 90.0])
    assert f["remote"].constraints.weights == [30.0, 70.0]


def test_flag_share_generates_its_share():
    cols = columns_of("Timesheets, 2000 rows:\n- employee id\n- billable - yes 75%", n=2000)
    share = sum(1 for v in cols["billable"] if v) / len(cols["billable"])
    assert 0.68 <= share <= 0.82


def test_sentence_with_label_then_comma_values():
    f = fields_of("Recruiting pipeline of 450 candidates. name. email. stage applied, screened, interviewed, offered, "
                  "hired. applied on in the last quarter. salary expectation 45k-120k.")
    assert list(f) == ["name", "email", "stage", "applied_on", "salary_expectation"]
    assert f["stage"].constraints.enum_values == ["applied", "screened", "interviewed", "offered", "hired"]


@pytest.mark.parametrize("text, rows", [
    ("Customers - 300\n* Name\n* Email\n* Status active or inactive", 300),
    ("Orders — 2,500\n- id\n- amount 5-50", 2500),
])
def test_count_after_a_title_and_dash(text, rows):
    result = extract_offline(text)
    assert result.total_rows == rows


def test_bulleted_status_with_values():
    f = fields_of("Customers - 300\n* Name\n* Email\n* Status active or inactive\n* Joined: last 6 months")
    assert f["status"].constraints.enum_values == ["active", "inactive"]


def test_shares_given_for_some_listed_values():
    f = fields_of("Customers - 300\n* Name\n* Plan free or pro or team (pro 25%, team 5%)\n"
                  "* Status: active, inactive (inactive 10%)\n* Size: S, M, L")
    assert f["plan"].constraints.enum_values == ["free", "pro", "team"]
    assert f["plan"].constraints.weights == [70.0, 25.0, 5.0]
    assert f["status"].constraints.weights == [90.0, 10.0]
    assert f["size"].constraints.weights is None
