"""The Welsh instruments cited, with where each was read."""

from __future__ import annotations

import datetime as dt

CPPCRW = "Care Planning, Placement and Case Review (Wales) Regulations 2015"
CLW = "Care Leavers (Wales) Regulations 2015"
SSWBA = "Social Services and Well-being (Wales) Act 2014"

WALES_START = dt.date(2016, 4, 6)
"""CPPCR(W) 2015, CL(W) 2015 and SSWBA Part 6 came into force on 6 April 2016."""

PART_2 = "http://legislation.gov.uk/wsi/2015/1818/part/2"
PART_3 = "https://www.legislation.gov.uk/wsi/2015/1818/part/3/made"
REG_20 = "http://www.legislation.gov.uk/wsi/2015/1818/regulation/20/made"
REG_26 = "https://legislation.gov.uk/wsi/2015/1818/regulation/26/2021-09-01/data.xht"
REG_31 = "https://legislation.gov.uk/id/wsi/2015/1818/regulation/31/7/b?view=extent"
PART_6 = (
    "http://www.legislation.gov.uk/wsi/2015/1818/part/6/crossheading/conduct-of-reviews/"
    "data.xht?view=snippet&wrap=true"
)
PART_7 = (
    "http://www.legislation.gov.uk/wsi/2015/1818/part/7/crossheading/category-1-young-persons/made"
)
PART_9 = "https://www.legislation.gov.uk/wsi/2015/1818/part/9/made"
PART_10 = "https://www.legislation.gov.uk/wsi/2015/1818/part/10/made"
CLW_PART_2 = "https://legislation.gov.uk/wsi/2015/1820/part/2/made/data.xht"
CLW_2001_REG_9 = (
    "http://www.legislation.gov.uk/wsi/2001/2189/regulation/9/made/data.xht?view=snippet&wrap=true"
)
SSWBA_S99 = "https://legislation.gov.uk/anaw/2014/4/section/99/2020-04-01?view=plain"
SSWBA_S104 = "http://www.legislation.gov.uk/anaw/2014/4/section/104/enacted"
SSWBA_S108 = "https://thefosteringnetwork.org.uk./taxonomy/term/5?page=2"
