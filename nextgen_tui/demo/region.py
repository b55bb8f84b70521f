"""The fictional "North Valley" labour-market region behind the bundled demo.

Static data only: organizations with their staff (a stable key and a job title per
person); the people's names are in :mod:`nextgen_tui.demo.names`. :mod:`nextgen_tui.demo`
turns them into a roster file. Every name here is invented; domains use the reserved
``.example`` top-level domain and phone numbers the 555-01xx range kept for fiction.

Towns of the region: Riverton (the largest), Cedar Falls, Harlow, Millbrook, Pine Ridge
and Eastgate. Its three target industries are advanced manufacturing, healthcare and
construction.

The organizations are written as compact text blocks (one block per industry or kind)
rather than nested literals, so the whole region reads like a directory:

    key | Name [| domain] [| region=Other Region]
        optional notes line
        person-key=Title; person-key=Title
"""

from __future__ import annotations

from dataclasses import dataclass

from nextgen_tui.models import OrgKind

REGION = "North Valley"
MANUFACTURING = "Advanced Manufacturing"
HEALTHCARE = "Healthcare"
CONSTRUCTION = "Construction"
AREA_CODE = "541"


@dataclass(frozen=True)
class OrgSpec:
    """One organization; ``staff`` is (person key, title), a person's full key ``org.person``."""

    key: str
    name: str
    kind: OrgKind
    domain: str
    staff: tuple[tuple[str, str], ...]
    industry: str = ""
    region: str = REGION
    notes: str = ""


def keys(text: str) -> list[str]:
    """Person keys written as one space-separated string, e.g. ``"nvcc.deanwf rusd.cte"``."""
    return text.split()


def _parse(text: str, kind: OrgKind, industry: str = "") -> list[OrgSpec]:
    specs: list[OrgSpec] = []
    head: list[str] = []
    notes: list[str] = []
    staff: list[tuple[str, str]] = []

    def flush() -> None:
        if not head:
            return
        key, name, *rest = head
        region = next((r.removeprefix("region=") for r in rest if r.startswith("region=")), REGION)
        domains = [r for r in rest if not r.startswith("region=")]
        domain = domains[0] if domains else "".join(c for c in name.casefold() if c.isalnum())
        if "." not in domain:
            domain += ".example"
        specs.append(
            OrgSpec(key, name, kind, domain, tuple(staff), industry, region, " ".join(notes))
        )

    for line in text.strip("\n").splitlines():
        if not line.startswith(" "):
            flush()
            head, notes, staff = [part.strip() for part in line.split("|")], [], []
        elif "=" in line:
            for item in line.split(";"):
                key, _, title = item.partition("=")
                staff.append((key.strip(), title.strip()))
        else:
            notes.append(line.strip())
    flush()
    return specs


_COMPANY_BLOCKS: dict[str, str] = {
    MANUFACTURING: """
harlow | Harlow Precision Machining
    Harlow. 140 employees; CNC machining for aerospace and energy.
    ceo=CEO; vpops=VP Operations; hr=HR Manager; apprentice=Apprenticeship Coordinator
rcf | Riverton Castings & Forge
    Riverton. 210 employees; iron and steel castings.
    president=President; plant=Plant Manager; hr=HR Generalist
cfc | Cedar Falls Composites
    Cedar Falls. 85 employees; carbon-fibre parts.
    ceo=CEO; eng=Director of Engineering
northfork | Northfork Robotics Integration
    Riverton. 40 employees; builds robotic work cells.
    ceo=Founder & CEO; training=Training Manager
mfs | Millbrook Fluid Systems
    Millbrook. 120 employees; valves and pumps.
    gm=General Manager; hr=HR Director
ridgeline | Ridgeline Aerospace Components
    Pine Ridge. 300 employees; the largest employer in Pine Ridge.
    president=President; vpmfg=VP Manufacturing; training=Training and Development Manager
pineplast | Pine Ridge Plastics
    Pine Ridge. 60 employees; injection moulding.
    owner=Owner; supervisor=Production Supervisor
valleytool | Valley Tool & Die
    Eastgate. 25 employees; family-owned since 1978.
    president=President; foreman=Shop Foreman
eastgate | Eastgate Electronics Assembly
    Eastgate. 175 employees; circuit board assembly.
    ceo=CEO; quality=Quality Manager; production=Production Manager
summitpack | Summit Packaging Solutions
    Riverton. 90 employees; corrugated packaging.
    plant=Plant Manager; hr=HR Coordinator
kestrel | Kestrel Motion Controls
    Cedar Falls. 150 employees; motors and drives.
    coo=COO; talent=Talent Acquisition Lead; eng=Director of Engineering
bluestone | Bluestone Foods
    Millbrook. 260 employees; frozen foods, three shifts.
    vpops=VP Operations; maint=Maintenance Manager; hr=HR Business Partner
granite | Granite Peak Fabrication
    Harlow. 30 employees; structural steel fabrication.
    owner=Owner; office=Office Manager
tamarack | Tamarack Industrial Coatings
    Riverton. 45 employees; powder coating.
    president=President; ehs=EHS Manager
copperline | Copperline Gearworks
    Eastgate. 70 employees; sold to new owners in 2026.
    ceo=CEO; ops=Operations Manager
osprey | Osprey Medical Devices
    Cedar Falls. 110 employees; surgical instruments.
    vpops=VP Operations; quality=Quality Engineer
lakeshore | Lakeshore Metalworks | region=South Lakes
    Just outside the region, in Port Alder.
    president=President
""",
    HEALTHCARE: """
rrmc | Riverton Regional Medical Center
    Riverton. 1,400 employees; level II trauma center.
    ceo=CEO; cno=Chief Nursing Officer; talent=Director of Talent Acquisition
    vphr=VP Human Resources; educator=Director of Nursing Education
cffc | Cedar Falls Family Clinics
    Cedar Falls. Six primary care clinics.
    president=President; ops=Practice Operations Director; nurse=Nurse Manager
willow | Willow Creek Senior Living
    Millbrook. Assisted living and memory care.
    ed=Executive Director
nvbh | North Valley Behavioral Health
    Riverton. Outpatient and crisis services.
    ceo=CEO; clinical=Clinical Director
hch | Harlow Community Hospital
    Harlow. 25-bed critical access hospital.
    ceo=CEO; hr=HR Director; coo=Chief Operating Officer
mdg | Millbrook Dental Group
    Millbrook.
    partner=Managing Partner
pinecrest | Pinecrest Home Health
    Pine Ridge. Home health and hospice.
    admin=Administrator; don=Director of Nursing
vip | Valley Imaging Partners
    Riverton. Outpatient imaging.
    coo=COO
eped | Eastgate Pediatrics
    Eastgate.
    md=Medical Director
sagebrush | Sagebrush Rehabilitation Center
    Cedar Falls.
    director=Director of Rehabilitation
larkspur | Larkspur Pharmacy Services
    Harlow. Two pharmacies.
    owner=Owner
""",
    CONSTRUCTION: """
delgado | Delgado Builders
    Cedar Falls. General contractor; runs its own training yard.
    president=President; pe=Project Executive; super=Field Superintendent
ironwood | Ironwood Mechanical
    Riverton. HVAC and plumbing contractor.
    ceo=CEO; apprentice=Apprenticeship Coordinator
rivelec | Riverton Electric Co.
    Riverton. Electrical contractor.
    owner=Owner; training=Training Director
harlowexc | Harlow Excavation & Paving
    Harlow.
    president=President; ops=Operations Manager
summitroof | Summit Roofing & Sheet Metal
    Millbrook.
    owner=Owner
northgate | Northgate Commercial Construction
    Riverton. Commercial general contractor.
    vp=VP Preconstruction; safety=Safety Director
bridgewater | Bridgewater Concrete
    Eastgate. Ready-mix concrete.
    gm=General Manager; ops=Operations Manager
cfplumb | Cedar Falls Plumbing & Heating
    Cedar Falls.
    owner=Owner; service=Service Manager
tamsin | Tamsin Steel Erectors
    Harlow.
    president=President
vmh | Valley Modular Homes
    Pine Ridge. Factory-built homes.
    ceo=CEO; plant=Plant Manager
""",
}

_PUBLIC_BLOCKS: dict[OrgKind, str] = {
    OrgKind.K12: """
rusd | Riverton Unified School District | rusd.example
    Riverton. 9,800 students.
    super=Superintendent; asst=Assistant Superintendent; cte=CTE Director
    principal=Principal, Riverton High School; counselor=College and Career Counselor
cfsd | Cedar Falls School District | cfsd.example
    Cedar Falls. 4,200 students.
    super=Superintendent; cte=CTE Coordinator; wbl=Work-Based Learning Coordinator
    principal=Principal, Cedar Falls High School
mps | Millbrook Public Schools | millbrookschools.example
    Millbrook.
    mspr=Principal, Millbrook Middle School; hspr=Principal, Millbrook High School
    stem=STEM Coordinator
nvrcc | North Valley Regional Career Center | nvcareercenter.example
    Shared CTE center serving all six districts.
    director=Director; health=Health Sciences Instructor
    trades=Construction Trades Instructor
""",
    OrgKind.COMMUNITY_COLLEGE: """
nvcc | North Valley Community College | nvcc.example
    Main campus in Riverton; satellite in Cedar Falls.
    president=President; vpi=Vice President of Instruction
    deanwf=Dean of Workforce and Economic Development; deanhealth=Dean of Health Sciences
    apprentice=Director of Apprenticeship Programs; mechatronics=Mechatronics Program Chair
    nursing=Nursing Program Director
    construction=Construction Management Program Coordinator
    partners=Director of Business Partnerships; careers=Career Services Manager
htc | Harlow Technical College | harlowtech.example
    Harlow.
    vpi=Vice President of Instruction; welding=Welding Program Lead
    custom=Director of Customized Training; navigator=Apprenticeship Navigator
""",
    OrgKind.UNIVERSITY: """
nvsu | North Valley State University | nvsu.example
    Riverton.
    eng=Associate Dean, College of Engineering; nursing=Director, School of Nursing
    corporate=Director of Corporate Relations; cm=Professor of Construction Management
    business=Dean, College of Business
""",
    OrgKind.WORKFORCE_BOARD: """
nvwdb | North Valley Workforce Development Board | nvworkforce.example
    Lead convener of the region's sector partnerships.
    director=Workforce Board Director; sector=Sector Partnerships Manager
    business=Business Services Director; youth=Youth Programs Manager
    analyst=Labor Market Analyst
""",
    OrgKind.JOB_CENTER: """
jcr | North Valley Job Center, Riverton | nvjobs.example
    Riverton.
    director=Job Center Director; business=Business Services Representative
    coach=Career Coach
jcc | North Valley Job Center, Cedar Falls | nvjobs.example
    Cedar Falls.
    director=Job Center Director; coach=Career Coach
    business=Business Services Representative
""",
    OrgKind.CHAMBER: """
rchamber | Riverton Area Chamber of Commerce | rivertonchamber.example
    president=President and CEO; members=Director of Member Engagement
cfchamber | Cedar Falls Chamber of Commerce | cedarfallschamber.example
    director=Executive Director; programs=Workforce Programs Manager
""",
    OrgKind.ECONOMIC_DEVELOPMENT: """
nvedc | North Valley Economic Development Corporation | nvedc.example
    Regional economic development organization.
    president=President; bre=VP Business Retention and Expansion; project=Project Manager
millbrooked | City of Millbrook Office of Economic Development | millbrook-city.example
    director=Economic Development Director
harlowed | Harlow County Economic Development Office | harlowcounty.example
    director=Director
""",
    OrgKind.LABOR: """
clc | North Valley Central Labor Council | nvlabor.example
    president=President; workforce=Workforce Development Coordinator
btc | North Valley Building and Construction Trades Council | nvtrades.example
    manager=Business Manager; apprentice=Apprenticeship Director
""",
    OrgKind.COMMUNITY_ORG: """
pathways | Pathways Forward | pathwaysforward.example
    Employment services for people leaving incarceration.
    director=Executive Director; employer=Employer Relations Manager
    coach=Reentry Employment Coach
rirc | Riverton Immigrant and Refugee Center | rirc.example
    director=Director; employment=Employment Specialist
hcaa | Harlow Community Action Agency | harlowcaa.example
    director=Executive Director; workforce=Workforce Program Manager
wit | Women in Trades North Valley | womenintrades.example
    Pre-apprenticeship for women and nonbinary people.
    director=Program Director
""",
    OrgKind.OTHER: """
commonground | Common Ground Facilitation | commonground.example
    Independent facilitators.
    principal=Principal; senior=Senior Facilitator
riverbend | Riverbend Community Foundation | riverbendfoundation.example
    president=President; officer=Program Officer
""",
}

COMPANIES: tuple[OrgSpec, ...] = tuple(
    spec
    for industry, text in _COMPANY_BLOCKS.items()
    for spec in _parse(text, OrgKind.COMPANY, industry)
)
PUBLIC_ORGS: tuple[OrgSpec, ...] = tuple(
    spec for kind, text in _PUBLIC_BLOCKS.items() for spec in _parse(text, kind)
)
ORGS: tuple[OrgSpec, ...] = COMPANIES + PUBLIC_ORGS
