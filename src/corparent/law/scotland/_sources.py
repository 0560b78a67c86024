"""The Scottish instruments cited, with where each was read."""

from __future__ import annotations

import datetime as dt

LACS = "Looked After Children (Scotland) Regulations 2009"
CSA = "Children (Scotland) Act 1995"
CYPSA = "Children and Young People (Scotland) Act 2014"
CONTINUING_CARE_ORDER = "Continuing Care (Scotland) Order 2015"
CCCESPSA = "Children (Care, Care Experience and Services Planning) (Scotland) Act 2026"

LACS_START = dt.date(2009, 9, 28)
"""LAC(S) 2009 (SSI 2009/210) came into force on 28 September 2009."""

LACS_MADE = "https://www.legislation.gov.uk/ssi/2009/210/part/II/made"
LACS_REG5 = "https://legislation.gov.uk/ssi/2009/210/regulation/5/2021-09-30/data.xht"
LACS_REG22 = "http://www.legislation.gov.uk/ssi/2009/210/part/VII/made?view=plain"
LACS_REG25 = "http://www.legislation.gov.uk/ssi/2009/210/regulation/25/made"
LACS_REG30 = (
    "https://www.legislation.gov.uk/ssi/2009/210/regulation/30/made/data.xht?view=snippet&wrap=true"
)
LACS_PART_X = "https://www.legislation.gov.uk/ssi/2009/210/part/X"
LACS_REG38 = "https://www.legislation.gov.uk/ssi/2009/210/regulation/38/made"
LACS_REG39 = (
    "https://www.lookedafter.org.uk/index.php/library/17-policy-scotland/"
    "31-the-looked-after-children-scotland-regulations-2009"
)
LACS_REG45 = "http://www.legislation.gov.uk/cy/ssi/2009/210/regulation/45/made"
LACS_REG46 = "http://www.legislation.gov.uk/ssi/2009/210/regulation/46/made?view=plain"
CSA_S29 = (
    "https://legislation.gov.uk/ukpga/1995/36/part/II/chapter/1/crossheading/"
    "advice-and-assistance-for-young-persons-formerly-looked-after-by-local-authorities/"
    "2014-08-01/data.html"
)
CYPSA_PART_10 = "https://www.legislation.gov.uk/asp/2014/8/part/10?view=plain"
CONTINUING_CARE_URL = "http://www.legislation.gov.uk/ssi/2015/158/body/made/data.htm"
CCCESPSA_S1 = "https://www.legislation.gov.uk/asp/2026/16/section/1"
