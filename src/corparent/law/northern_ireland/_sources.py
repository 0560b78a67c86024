"""The Northern Irish instruments cited, with where each was read."""

from __future__ import annotations

import datetime as dt

RCCNI = "Review of Children's Cases Regulations (Northern Ireland) 1996"
APCNI = "Arrangements for Placement of Children (General) Regulations (Northern Ireland) 1996"
FPNI = "Foster Placement (Children) Regulations (Northern Ireland) 1996"
CLCNI = "Children (Leaving Care) Regulations (Northern Ireland) 2005"
CNIO = "Children (Northern Ireland) Order 1995"

NI_START = dt.date(1996, 11, 4)
"""Taken as the commencement of the Children (NI) Order 1995 and its 1996 regulations
(4 November 1996); the commencement order was not read."""
LEAVING_CARE_START = dt.date(2005, 9, 1)
"""Taken as the commencement of the Children (Leaving Care) Act (NI) 2002 and CLC(NI) 2005
(1 September 2005); the commencement order was not read."""
HEALTH_SUBSTITUTED = dt.date(2005, 4, 1)
"""APC(NI) reg 7 was substituted from 1 April 2005 (SR 2005/186 reg 2(5))."""

RCC = "https://legislation.gov.uk/nisr/1996/461/data.rdf"
RCC_REG_11 = (
    "http://www.legislation.gov.uk/nisr/1996/461/regulation/11/made/data.xht?view=snippet&wrap=true"
)
APC_REG_7 = "https://www.legislation.gov.uk/nisr/1996/453/regulation/7/made?view=plain"
APC_2005 = "http://legislation.data.gov.uk/nisr/2005/186/made/data.xht?view=snippet&wrap=true"
FP_NOTE = "https://legislation.gov.uk/nisr/2020/78/note/data.html"
CLC_REG_6 = "http://www.legislation.gov.uk/nisr/2005/221/regulation/6/made/data.xht"
CLC_REG_7 = "https://legislation.gov.uk/nisr/2005/221/regulation/7/made/data.xht"
ACA_S128 = "https://legislation.gov.uk/id/nia/2022/18/section/128/1?view=extent"
ACA_NOTES = "https://www.legislation.gov.uk/nia/2022/18/notes/division/4/2/13"
