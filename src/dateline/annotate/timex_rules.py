"""The surface patterns of time expressions and the word lists they use.

Order matters: longer, more specific forms come first and a later pattern never takes text an
earlier one matched (see timex.find_timexes). Each pattern's kind names its normaliser in
timex_values.
"""

from __future__ import annotations

import calendar
import re

MONTHS = {name.lower(): i for i in range(1, 13) for name in (calendar.month_name[i], calendar.month_abbr[i])}
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
_UNITS_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS_WORDS)} | _TENS_WORDS | {"a": 1, "an": 1, "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "couple of": 2, "another": 1}
VAGUE_COUNTS = {"a few", "few", "several", "many", "some", "recent", "the past few", "the last few", "the next few", "the coming", "the past several", "the last several", "the next several", "a couple of", "couple of"}
UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "C", "centurie": "C"}  # TIMEX3 as TimeBank writes it ("centuries" → PXC)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI"}

_NUM_WORD = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a|one)\s+hundred|hundred|a\s+dozen|dozen)"
NUM = rf"(?:\d[\d,]*(?:\.\d+)?|{_NUM_WORD}|an?)"
_VAGUE = r"(?:a\s+few|few|several|many|some|(?:a\s+)?couple\s+of)"
MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])(?:\.(?=\s*\d))?"
_MONTH_FULL = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
# A year as broadcast transcripts spell it: "nineteen ninety-four".
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
SPOKEN_YEAR = rf"(?P<spoken>nineteen\s+(?:{_TENS}(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))"
# The days of a month as broadcast transcripts spell them: "April thirteenth", "May the twenty-first".
_ORDINAL_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
DAY_WORDS: dict[str, int] = ({w: i + 1 for i, w in enumerate(_ORDINAL_UNITS)}
                             | {w: i + 10 for i, w in enumerate(["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                                                                  "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                                                                  "nineteenth"])}
                             | {"twentieth": 20, "thirtieth": 30}
                             | {f"twenty{sep}{w}": 21 + i for i, w in enumerate(_ORDINAL_UNITS) for sep in ("-", " ")}
                             | {f"thirty{sep}first": 31 for sep in ("-", " ")})
_DAY_WORD = "|".join(sorted((re.escape(w).replace("\\ ", r"\s+") for w in DAY_WORDS), key=len, reverse=True))
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
_UNIT = r"(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))"
_DOW_PART = r"(?P<dpart>\s+(?:morning|afternoon|evening|night))"
_CLOCK = r"(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b)(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC)\b)?"

# Before a length, the first number of a range: "[two to] three weeks", "[the next 12 to] 18 months"
# ("the past" is not taken here: the vague "the past" finds it first).
RANGE_START = re.compile(rf"(?:(?:the\s+(?:next|last|first|coming)|about|some|roughly)\s+)?(?<![\w.,/$-])(?P<low>\d{{1,3}}|{_NUM_WORD})\s*(?:to|or|-)\s*$", re.I)
_LEN_MOD = r"(?:(?:about|almost|nearly|some|(?:no\s+)?more\s+than|less\s+than|at\s+least|roughly|the\s+(?:past|last|next|first))\s+)?"
_LEN_DIR = r"(?:\s+(?P<dir>ago|earlier|later|from\s+now))?"

_I = re.I
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b{YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("numeric", re.compile(r"\b(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>\d{2}|\d{4})\b")),
    ("clock", re.compile(rf"\b{_CLOCK}", _I)),
    ("clock", re.compile(r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s+(?P<ampm>(?:o'clock\s+)?in\s+the\s+(?:morning|afternoon|evening)|o'clock)", _I)),
    # wire copy's 24-hour clock, "at 0300 GMT", "14:30 local time"; not "(0735 GMT)" restating a local time
    # (any case: "[1930 gmt]" in monitoring copy is a time, not the year 1930), and the military "at 2100 hours"
    ("clock24", re.compile(r"(?<![(\d:])\b(?P<h>[01]\d|2[0-3]):?(?P<min>[0-5]\d)\s*(?P<tz>(?i:GMT|UTC|local\s+time))\b")),
    ("clock24", re.compile(r"(?<=\bat\s)(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s*(?P<tz>(?i:hours|hrs))\b")),
    ("clock", re.compile(r"\b(?P<ampm>noon|midnight|midday)\b", _I)),
    # lengths with a fraction (timex_fraction): "2 1/2 years", "1.5 years", "two and a half hours",
    # "a year and a half", "half an hour"; one normaliser, kinds split so that each has its own gate
    ("fraction_num", re.compile(rf"(?P<num>\d+(?:\s+[13]/[24]|\.\d+))[\s-]+{_UNIT}s?\b(?![\s-]+old\b){_LEN_DIR}", _I)),
    ("fraction_and", re.compile(rf"\b{_LEN_MOD}(?P<whole>{NUM})\s+and\s+(?:a\s+)?(?P<frac>half|quarter|three[\s-]quarters)[\s-]+{_UNIT}s?\b{_LEN_DIR}", _I)),
    ("fraction_and", re.compile(rf"\b{_LEN_MOD}(?P<whole>an?|one|{NUM})[\s-]+{_UNIT}s?\s+and\s+a\s+(?P<frac>half|quarter)\b{_LEN_DIR}", _I)),
    ("fraction_half", re.compile(rf"\b{_LEN_MOD}(?P<halfof>half)[\s-]+an?[\s-]+{_UNIT}\b{_LEN_DIR}", _I)),
    ("between_days", re.compile(rf"\bbetween\s+{MONTH}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+and\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+{YEAR})?", _I)),
    # "the second half of May", "the last week of June": the month, narrowed to those days
    ("month_part", re.compile(rf"\b(?i:the)\s+(?P<which>(?i:first|second|third|fourth|last|final|latter|closing|opening))\s+(?P<what>(?i:half|week|days|weeks|few\s+days))\s+of\s+{_MONTH_FULL}(?![\w-])(?:,?\s+{YEAR})?")),
    ("mdy", re.compile(rf"\b(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAYNUM}(?![\d:,.]\d)(?:,?\s+{YEAR})?\b", _I)),
    ("dmy", re.compile(rf"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAYNUM}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?\b", _I)),
    ("month_year", re.compile(rf"\b(?:{_PART}[\s-]+(?:of\s+)?)?{MONTH}(?:\s+of)?,?\s+(?:{YEAR}|{SPOKEN_YEAR})\b", _I)),
    ("month_rel_year", re.compile(rf"\b{MONTH}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", _I)),
    ("season", re.compile(rf"\b(?:(?P<rel>this\s+past|last|this|next|early|late|mid|the)[\s-]+)?(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?:{YEAR}|{SPOKEN_YEAR}))?\b", _I)),
    ("spoken_year", re.compile(r"\b(?P<century>nineteen)\s+(?P<rest>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b(?!\s+(?:people|percent|dollars|years|months))", _I)),
    ("spoken_year", re.compile(r"\bthe\s+year\s+(?P<century>two\s+thousand)(?:\s+and\s+(?P<rest>one|two|three|four|five|six|seven|eight|nine|ten))?\b", _I)),
    # "assassinated in two thousand seven", "since two thousand and three": after a preposition of time, not a count
    # ("two thousand seven hundred people")
    ("spoken_year", re.compile(r"(?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bduring\s)|(?<=\bof\s))(?P<century>two\s+thousand)"
                               r"(?:\s+and)?\s+(?P<rest>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                               r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b(?![\s-]+(?:hundred|thousand|people|"
                               r"persons|troops|soldiers|dollars|euros|pounds|percent|years|of\b))", _I)),
    ("year_ago", re.compile(r"\b(?:the\s+)?year-(?:earlier|ago)(?:\s+(?:(?P<ord>first|second|third|fourth)\s+)?(?:quarter|period))?\b", _I)),
    ("period", re.compile(rf"\b(?:the\s+)?(?:(?:{YEAR}|(?P<which>latest|current|same|comparable|corresponding))\s+period(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year))?|(?P<what>quarter|period)(?P<ago2>\s+a\s+year\s+(?:ago|earlier)))\b", _I)),
    # decades before quarters: "the last half of the '80s" is the decade's, not a half-year (a
    # pattern of its own with its own gate: an alternative inside "decade" cost its every scan)
    ("decade_half", re.compile(r"\bthe\s+(?P<part>(?:first|last|second|latter)\s+half)\s+of\s+(?:the\s+)?(?:(?P<dec>(?:1[6-9]|20)\d0)'?s|'(?P<short>\d0)'?s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b", _I)),
    # "the '80s", "the 80's" (without its apostrophe only after "the": "in his 80s" is an age)
    ("decade", re.compile(r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?:(?P<dec>(?:1[6-9]|20)\d0)|(?:'|(?<=the\s))(?P<short>\d0))'?s\b", _I)),
    ("decade", re.compile(r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", _I)),
    ("quarter", re.compile(rf"\b(?:the\s+)?(?:(?P<year0>(?:1[6-9]|20)\d\d)\s+|(?P<ryear>last|next|this)\s+year'?s\s+)?(?:(?P<rel>latest|last|past|current|this|next|previous|same)\s+)?(?:(?:fiscal|calendar)[\s-]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)?[\s-]*(?:(?:fiscal|calendar)[\s-]+)?(?P<what>quarter|half)(?:(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?|\s+){YEAR})?\b", _I)),
    ("rel_month", re.compile(rf"\b(?P<rel>last|this|next|since|in|early|late|mid|until|by|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[\s-]+{MONTH}(?!\s*\d)", _I)),
    ("fiscal_year", re.compile(rf"\b(?:fiscal|FY)\s*(?:year\s+)?{YEAR}\b", _I)),
    ("century", re.compile(r"\b(?:the\s+)?(?P<n>\d\d?)(?:st|nd|rd|th)[\s-]+century\b", _I)),
    ("year", re.compile(rf"\b(?P<prep>the\s+(?:end|beginning|start|middle)\s+of|in|since|during|until|by|of|from|before|after|early|late|mid)[\s-]+{YEAR}\b(?!\s*(?:[-/]\d|%))", _I)),
    # "two weeks ago Sunday", "a week from Tuesday": one day
    ("weeks_ago_day", re.compile(rf"\b(?P<n>{NUM})\s+weeks?\s+(?P<dir>ago|from)\s+{WEEKDAY}\b", _I)),
    ("ago", re.compile(rf"\b(?:(?:about|almost|nearly|some|(?:no\s+)?more\s+than|less\s+than|at\s+least|roughly)\s+)?(?P<n>{NUM}|{_VAGUE})[\s-]+{_UNIT}s?(?P<or>\s+or\s+(?:so|two))?\s+(?P<dir>ago|earlier|before|later|after|previously|from\s+now|hence)\b", _I)),
    ("anchor_day", re.compile(r"\b(?P<word>the\s+(?:(?:next|following|previous|same)\s+(?:day|week|month|year|morning|evening|night)|(?:week|month|year|night)\s+(?:before|after)(?=\s*(?:[,.;:!?]|$))|day\s+(?:before|after)(?!\s+yesterday))|that\s+(?:same\s+)?(?:day|week|month|year|morning|afternoon|evening|night)|later\s+that\s+(?:day|week|month|year)|earlier\s+that\s+(?:day|week|month|year))\b", _I)),
    # "until then" (TimeBank marks it); "since then" it leaves unmarked (3 of 3 on train)
    ("then", re.compile(r"\b(?P<prep>until|till|by|before)\s+then\b", _I)),
    # "placed orders in the morning": that part of the narrative's day; TimeML marks "the morning"
    ("narrative_part", re.compile(r"\b(?:in|during)\s+(?P<the>the\s+(?P<part>morning|afternoon|evening))\b(?!\s+(?:of|after|before|hours|session|news|paper|edition|rush|prayers?|shift)\b)", _I)),
    ("holiday", re.compile(r"\b(?:(?P<rel>last|next|this)\s+)?(?P<name>Thanksgiving(?:\s+Day)?|Christmas(?:\s+Eve|\s+Day)?|New\s+Year['’]s(?:\s+Eve|\s+Day)?|Easter(?:\s+Sunday)?|Halloween|(?:Election|Labor|Memorial|Independence|Veterans['’]?|Valentine['’]s)\s+Day)(?P<week>\s+week)?\b")),
    ("set_each", re.compile(r"\b(?:each|every)\s+(?P<n>)(?P<unit>)(?P<month2>)(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", _I)),
    # "by the end of the month": the unit the publication date is in, narrowed (TIMEX3 mod)
    ("rel_unit", re.compile(r"\b(?P<rel>the\s+(?:end|beginning|start|middle)\s+of\s+(?:the|this|next|last))\s+(?P<unit>week|month|year|decade)\b", _I)),
    ("the_year", re.compile(r"\b(?:the\s+)?(?:year[\s-]end|year's\s+end)\b", _I)),
    ("the_year", re.compile(r"\bthe\s+(?:(?:full|current|fiscal|calendar|latest|most\s+recent)\s+)*year\b(?![\s-]+(?:ago|earlier|before|after|end\b|old|long|two\s+thousand|of\s+the)|'s)", _I)),
    ("rel_unit", re.compile(r"\b(?P<rel>the)\s+(?P<unit>weekend)\b", _I)),
    # "Tuesday nights", "on Mondays", and "Monday" in "Monday and Tuesday nights": every such day (a SET).
    ("weekday_set", re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:s\b|\s+(?P<part>morning|afternoon|evening|night)s\b"
                               r"|(?=\s+(?:and|or)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:s\b|\s+(?P<part2>morning|afternoon|evening|night)s\b)))")),
    ("weekday", re.compile(rf"\b(?:(?P<rel>the\s+(?:previous|following)|last|this|next|coming|this\s+coming|since|early|late|until|by)\s+)?{WEEKDAY}\b{_DOW_PART}?", _I)),
    ("relday", re.compile(r"\b(?P<word>the\s+day\s+before\s+yesterday|(?:early\s+|late\s+|mid-?)?(?:morning|afternoon|evening)\s+(?:yesterday|today|tomorrow)|(?:early\s+|late\s+|mid-?)?(?:yesterday|today|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?|tonight|last\s+night|overnight|this\s+(?:morning|afternoon|evening))\b", _I)),
    ("rel_unit", re.compile(r"\b(?P<rel>(?:early|late|earlier|later)\s+(?:this|last|next)|this\s+past|last|this|next|past|coming|the\s+past|the\s+last|the\s+coming|the\s+next|the\s+current|the\s+previous|the\s+same)\s+(?P<unit>week|month|year|weekend|decade|century)\b(?!\s*(?:'s\s+)?(?:old|long))", _I)),
    # "more than two thousand years", "millennia": TIMEX3 counts them in millennia (P2L, PXL)
    ("millennia", re.compile(rf"\b(?:(?:about|almost|nearly|some|(?:no\s+)?more\s+than|less\s+than|at\s+least|roughly)\s+)?(?:(?P<n>{NUM})\s+thousand\s+years|(?P<one>an?|one)\s+millennium|(?P<many>millennia))\b", _I)),
    ("duration", re.compile(rf"\b(?:(?:about|almost|nearly|some|(?:no\s+)?more\s+than|less\s+than|at\s+least|up\s+to|roughly|the\s+(?:past|last|next|first|previous|coming|final|remaining)|(?:the|another|an?\s+additional|an\s+extra))\s+)*(?P<n>{NUM}|{_VAGUE}|another)[\s-]+(?:(?:full|straight|consecutive|trading|business|working|calendar|fiscal|more|long|additional|extra)[\s-]+)?{_UNIT}s?(?:[\s-]long)?\b(?:\s+or\s+so\b|\s+or\s+two\b(?![\s-]+(?:second|minute|hour|day|week|month|quarter|year|decade|centur)))?(?![\s-]+old\b)", _I)),
    # "a day-long meeting", "a decades-long battle": a length without a number
    ("long_adj", re.compile(r"\b(?P<unit>day|week|month|year|decade)(?P<pl>s)?-long\b", _I)),
    ("plural", re.compile(rf"\b(?:(?P<rel>recent|coming|past|next|last|the\s+past|the\s+last|the\s+next|the\s+coming|in\s+recent|for|these|the)\s+)?{_UNIT}s\b(?P<or>\s+or\s+(?:second|minute|hour|day|week|month|year)s\b)?(?:(?P<ago>\s+ago)|(?P<ahead>\s+ahead))?", _I)),
    ("set", re.compile(r"\b(?P<word>daily|weekly|monthly|yearly|hourly|nightly|biweekly)\b", _I)),
    ("set_each", re.compile(rf"\b(?:each|every|per)\s+(?:(?P<n>other|\d+|two|three|four|five|six)\s+)?(?:{_UNIT}s?|(?P<month2>January|February|March|April|May|June|July|August|September|October|November|December)|(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", _I)),
    ("vague", re.compile(r"\b(?P<word>recently|lately|now|currently|nowadays|at\s+present|presently|the\s+present|in\s+the\s+past|the\s+past|formerly|in\s+the\s+future|the\s+future|the\s+near\s+future|these\s+days|to\s+date|recent|current)\b(?!\s+(?:days|weeks|months|years))", _I)),
    # "twice as high a dividend this year as last": the unit is said once, before
    ("ellipsis_last", re.compile(r"\b(?:as|than)\s+(?P<word>last)(?=\s*(?:[.,;:!?\"')]|$))", _I)),
    # "on the 19th", "by the 22nd": a day of the narrative's month (timex_days checks the words around);
    # late in the list so that "the 20th century" and "the 19th of June" are read first
    # (the pattern starts at "the", a literal the regex engine scans for; timex_days checks the preposition)
    ("ordinal_day", re.compile(r"(?P<the>[Tt]he\s+(?P<day>[12]?\d|3[01])(?:st|nd|rd|th))\b")),
    ("month_day_words", re.compile(rf"\b{_MONTH_FULL}\s+(?:the\s+)?(?P<word>{_DAY_WORD})\b")),
    ("bare_month", re.compile(rf"(?<![\w.-]){_MONTH_FULL}(?![\w-])(?!\s+\d)")),
    ("bare_year", re.compile(rf"(?<![\d/$.,-]){YEAR}(?![\d/%-]|[.,]\d)(?!\s*(?:percent|per\s+cent|people|troops|soldiers|men|feet|meters|metres|miles|km|tons|dollars))")),
]

# Read only inside a span the caller says is a time expression (normalise_span): in running text
# these words are more often not temporal ("previously", "so far", bare "years").
SPAN_PATTERNS: list[tuple[str, re.Pattern[str]]] = PATTERNS + [
    ("span_ordinal_day", re.compile(r"\b(?P<the>(?:the\s+)?(?P<day>[12]?\d|3[01])(?:st|nd|rd|th))\b", _I)),
    ("span_age", re.compile(rf"\b(?P<n>{NUM}|{_VAGUE})?[\s-]*{_UNIT}s?[\s-]+old\b", _I)),
    ("then", re.compile(r"\b(?P<prep>)then\b", _I)),
    ("span_day", re.compile(r"\b(?:the\s+)?(?P<unit>day|week|morning|afternoon|evening)\b(?!s)", _I)),
    ("span_vague", re.compile(r"\b(?P<word>previously|formerly|earlier|once|soon|future|a\s+later\s+date|so\s+far|already|yet|the\s+moment|at\s+the\s+moment|this\s+(?:\w+\s+)?moment|this\s+time|quarterly|annually|semiannually|the\s+(?:short|long|medium|near)[\s-]+term|a\s+while|some\s+time|an?\s+(?:\w+\s+)?(?:long|short|lengthy|brief)\s+(?:period|time))\b", _I)),
]

# Words every match of a kind contains (lower case). A pattern whose words are all absent from a
# text is not run on it: the patterns are the finder's whole cost and most kinds are rare.
_UNIT_WORDS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "centur")
GATES: dict[str, tuple[str, ...]] = {
    "between_days": ("between",), "fraction_num": ("/", "."), "fraction_and": ("and a half", "and a quarter", "and three"), "fraction_half": ("half a",), "spoken_year": ("nineteen", "thousand"), "year_ago": ("year-",), "then": ("then",), "period": ("period", "year ago", "year earlier"),
    "quarter": ("quarter", "half"), "season": ("spring", "summer", "fall", "autumn", "winter"), "fiscal_year": ("fiscal", "fy"),
    "decade": ("0s", "0's", "ties"), "century": ("century",), "ago": ("ago", "earlier", "before", "later", "after", "previously", "from now", "hence"),
    "anchor_day": ("next", "following", "previous", "same", "day before", "day after", "that", "k before", "h before", "r before", "t before", "k after", "h after", "r after", "t after"),
    "holiday": ("thanksgiving", "christmas", "new year", "easter", "halloween", " day"), "set_each": ("each", "every", "per"),
    "the_year": ("year",), "month_rel_year": ("year",), "weekday": ("day",), "long_adj": ("-long",), "weekday_set": ("ndays", "sdays", "idays", "rdays", "day nights", "day mornings", "day evenings", "day afternoons"), "rel_unit": ("week", "month", "year", "decade", "centur"),
    "relday": ("yesterday", "today", "tomorrow", "night", "morning", "afternoon", "evening"), "duration": _UNIT_WORDS, "plural": _UNIT_WORDS,
    "ellipsis_last": ("as last", "than last"), "clock24": ("gmt", "utc", "local time", "hours", "hrs"), "month_part": (" half of", " week of", " days of", " weeks of"),
    "ordinal_day": tuple(f"the {i}" for i in range(1, 10)), "millennia": ("thousand years", "millenni"), "decade_half": ("half of",), "narrative_part": ("the morning", "the afternoon", "the evening"), "weeks_ago_day": ("week ago ", "weeks ago ", "week from ", "weeks from "), "month_day_words": ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "teenth", "tieth"),
}
