"""Geographic area codes of the North American Numbering Plan by state and province (curated from
the NANP administrator's published assignments; overlays of each area included), so a phone number
in a row of Texas or Ontario starts with an area code of Texas or Ontario."""

from __future__ import annotations

_US = """
AL 205 251 256 334 938 | AK 907 | AZ 480 520 602 623 928 | AR 479 501 870 |
CA 209 213 279 310 323 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 747 760 805 818
   820 831 858 909 916 925 949 951 |
CO 303 719 720 970 | CT 203 475 860 959 | DE 302 | DC 202 |
FL 239 305 321 352 386 407 561 689 727 754 772 786 813 850 863 904 941 954 |
GA 229 404 470 478 678 706 762 770 912 | HI 808 | ID 208 986 |
IL 217 224 309 312 331 618 630 708 773 779 815 847 872 | IN 219 260 317 463 574 765 812 930 |
IA 319 515 563 641 712 | KS 316 620 785 913 | KY 270 364 502 606 859 | LA 225 318 337 504 985 | ME 207 |
MD 240 301 410 443 667 | MA 339 351 413 508 617 774 781 857 978 |
MI 231 248 269 313 517 586 616 734 810 906 947 989 | MN 218 320 507 612 651 763 952 | MS 228 601 662 769 |
MO 314 417 573 636 660 816 | MT 406 | NE 308 402 531 | NV 702 725 775 | NH 603 |
NJ 201 551 609 640 732 848 856 862 908 973 | NM 505 575 |
NY 212 315 332 347 516 518 585 607 631 646 716 718 845 914 917 929 934 |
NC 252 336 704 828 910 919 980 984 | ND 701 | OH 216 220 234 330 380 419 440 513 567 614 740 937 |
OK 405 539 580 918 | OR 458 503 541 971 | PA 215 223 267 272 412 445 484 570 610 717 724 814 878 | RI 401 |
SC 803 843 854 864 | SD 605 | TN 423 615 629 731 865 901 931 |
TX 210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 915 936 940 956
   972 979 |
UT 385 435 801 | VT 802 | VA 276 434 540 571 703 757 804 | WA 206 253 360 425 509 564 | WV 304 681 |
WI 262 414 534 608 715 920 | WY 307
"""
_CA = """
AB 403 587 780 825 | BC 236 250 604 672 778 | MB 204 431 | NB 506 | NL 709 | NS 782 902 | PE 782 902 |
ON 226 249 289 343 365 416 437 519 548 613 647 705 807 905 | QC 367 418 438 450 514 579 581 819 873 |
SK 306 639 | YT 867 | NT 867 | NU 867
"""


def _parse(text: str) -> dict[str, tuple[int, ...]]:
    out = {}
    for entry in text.split("|"):
        region, *codes = entry.split()
        out[region] = tuple(int(c) for c in codes)
    return out


AREA_CODES: dict[str, dict[str, tuple[int, ...]]] = {"US": _parse(_US), "CA": _parse(_CA)}


def area_codes(country: str, region: str) -> tuple[int, ...]:
    """The area codes of a state or province; every code of the country when the region is unknown."""
    regions = AREA_CODES.get(country, {})
    if region in regions:
        return regions[region]
    return tuple(sorted({c for codes in regions.values() for c in codes}))
