"""State presence as a map and a series (issue 17; Capstone §2.4): the admin areas coloured by
how many State services work there at the latest observation (or as of an earlier day, or one
service at a time), and the number of areas where each service works on each observation day;
read through ``restrict(user)``, with the same figures as tables."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from tests.pages_support import client_for

from bluehelmet.core.models import AdminArea
from bluehelmet.programmes import models as m
from bluehelmet.programmes import state

pytestmark = pytest.mark.django_db

D = datetime.date
D1, D2 = D(2025, 12, 31), D(2026, 9, 30)
ALL = ("administrator", "police", "justice", "health", "education")


def square(x: float, y: float) -> dict[str, Any]:
    ring = [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def outline(mission: Any, name: str, x: float, y: float = 4.0) -> AdminArea:
    return AdminArea.objects.create(  # type: ignore[no-any-return]
        country=mission.host_country, level=1, name=name, geometry=square(x, y)
    )


def observe(mission: Any, area: str, day: datetime.date, present: str, **extra: Any) -> None:
    """One observation of every service in ``area`` on ``day``; ``present`` names those there."""
    for service in ALL:
        m.StatePresence.objects.create(
            mission=mission,
            admin1=area,
            service=service,
            observed_on=day,
            present=service in present.split(),
            **extra,
        )


@pytest.fixture
def story(mission: Any) -> Any:
    """Bas-Sanvi keeps every service; Tabassi loses its police; Nowhere is never observed."""
    for i, name in enumerate(("Bas-Sanvi", "Tabassi", "Nowhere")):
        outline(mission, name, 18.0 + i)
    observe(mission, "Bas-Sanvi", D1, " ".join(ALL))
    observe(mission, "Tabassi", D1, "police health")
    observe(mission, "Tabassi", D2, "health")
    return mission


def url(mission: Any, query: str = "") -> str:
    return f"/missions/{mission.code}/programmes/state-presence/{query}"


def counts(html: str) -> dict[str, str]:
    """Area name -> the ``data-count`` of its path on the map."""
    return dict(re.findall(r'<path [^>]*data-area="([^"]*)" data-count="([^"]*)"', html))


def test_the_map_colours_each_area_by_the_services_present(story: Any, make_user: Any) -> None:
    web = client_for(make_user("component-staff", story))
    response = web.get(url(story))
    html = response.content.decode()
    assert response.status_code == 200 and 'id="presence-map"' in html
    assert counts(html) == {"Bas-Sanvi": "5", "Tabassi": "1", "Nowhere": "none"}
    assert "Tabassi: 1 of 5 present (observed 2026-09-30)" in html
    assert "Nowhere: no data" in html and 'fill="url(#presence-no-data)"' in html
    assert 'role="img"' in html and 'aria-labelledby="presence-map-title presence-map-desc"' in html
    table = html.split('id="presence-table"')[1].split("</table>")[0]
    assert '<tr data-area="Tabassi">' in table and "1 / 5" in table


def test_one_service_at_a_time(story: Any, make_user: Any) -> None:
    web = client_for(make_user("component-staff", story))
    html = web.get(url(story, "?service=police")).content.decode()
    assert counts(html) == {"Bas-Sanvi": "1", "Tabassi": "0", "Nowhere": "none"}
    assert "Where Police works" in html and "not present" in html
    assert web.get(url(story, "?service=nonsense")).status_code == 200  # all services


def test_the_map_shows_an_earlier_moment(story: Any, make_user: Any) -> None:
    web = client_for(make_user("component-staff", story))
    html = web.get(url(story, "?as_of=2026-01-15")).content.decode()
    assert counts(html) == {"Bas-Sanvi": "5", "Tabassi": "2", "Nowhere": "none"}
    assert "latest observation on or before 2026-01-15" in html
    before = web.get(url(story, "?as_of=2025-01-01")).content.decode()
    assert counts(before) == {"Bas-Sanvi": "none", "Tabassi": "none", "Nowhere": "none"}
    bad = web.get(url(story, "?as_of=yesterday"))
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.content.decode()
    assert counts(bad.content.decode())["Tabassi"] == "1"  # the latest, with the error


def test_the_series_has_a_line_per_service_with_its_points(story: Any, make_user: Any) -> None:
    found = dict(state.presence_series(story, None))
    assert list(found) == list(ALL)
    assert found["police"] == [(D1, 2), (D2, 1)]
    assert found["health"] == [(D1, 2), (D2, 2)]
    assert found["justice"] == [(D1, 1), (D2, 1)]
    html = client_for(make_user("component-staff", story)).get(url(story)).content.decode()
    lines = re.findall(r'<polyline points="([^"]*)"[^>]*data-service="([^"]*)"', html)
    assert [service for _points, service in lines] == list(ALL)
    for points, _service in lines:
        assert len(points.split()) == 2  # one point per observation day
    police = {s: p for p, s in lines}["police"].split()
    assert float(police[0].split(",")[1]) < float(police[1].split(",")[1])  # 2 then 1: lower
    table = html.split('id="presence-series-table"')[1].split("</table>")[0]
    assert '<th scope="col">2025-12-31</th><th scope="col">2026-09-30</th>' in table
    assert re.search(r'Police</th><td class="num">2</td><td class="num">1</td>', table)


def test_a_later_first_observation_starts_its_line_later(mission: Any) -> None:
    observe(mission, "Tabassi", D1, "police")
    m.StatePresence.objects.create(
        mission=mission, admin1="Kolo", service="police", observed_on=D2, present=True
    )
    assert dict(state.presence_series(mission, None))["police"] == [(D1, 1), (D2, 2)]
    m.StatePresence.objects.all().delete()
    m.StatePresence.objects.create(
        mission=mission, admin1="Kolo", service="justice", observed_on=D2, present=True
    )
    m.StatePresence.objects.create(
        mission=mission, admin1="Kolo", service="police", observed_on=D1, present=False
    )
    assert state.presence_series(mission, None) == [
        ("police", [(D1, 0), (D2, 0)]),
        ("justice", [(D2, 1)]),
    ]


def test_another_missions_presence_never_appears(
    story: Any, other_mission: Any, make_user: Any
) -> None:
    observe(other_mission, "Secret province", D2, "police")
    observe(other_mission, "Tabassi", D2, " ".join(ALL))
    user = make_user("head-of-mission", story)
    web = client_for(user)
    html = web.get(url(story)).content.decode()
    assert "Secret province" not in html and counts(html)["Tabassi"] == "1"
    assert dict(state.presence_series(story, user))["police"] == [(D1, 2), (D2, 1)]
    assert web.get(url(other_mission)).status_code == 404


def test_an_observation_above_the_readers_clearance_is_not_counted(
    story: Any, make_user: Any
) -> None:
    observe(story, "Nowhere", D2, "police", sensitivity=2)
    staff = client_for(make_user("component-staff", story)).get(url(story)).content.decode()
    assert counts(staff)["Nowhere"] == "none"
    leader = client_for(make_user("head-of-mission", story)).get(url(story)).content.decode()
    assert counts(leader)["Nowhere"] == "1"


def test_an_admin_area_name_is_escaped(mission: Any, make_user: Any) -> None:
    name = "<script>alert(1)</script>"
    outline(mission, name, 18.0)
    observe(mission, name, D1, "police")
    html = client_for(make_user("component-staff", mission)).get(url(mission)).content.decode()
    assert "<script>alert(1)" not in html
    assert 'data-area="&lt;script&gt;alert(1)&lt;/script&gt;" data-count="1"' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;: 1 of 5 present" in html


def test_without_outlines_the_table_gives_the_figures(mission: Any, make_user: Any) -> None:
    observe(mission, "Tabassi", D1, "police")
    html = client_for(make_user("component-staff", mission)).get(url(mission)).content.decode()
    assert 'id="presence-map"' not in html and "No admin area outline is stored" in html
    assert '<tr data-area="Tabassi">' in html


def test_the_list_the_overview_and_the_menu_link_to_the_map(story: Any, make_user: Any) -> None:
    web = client_for(make_user("head-of-mission", story))
    listing = web.get(f"/programmes/state-presence/?mission={story.code}").content.decode()
    assert f'href="{url(story)}"' in listing and 'id="presence-map-links"' in listing
    overview = web.get(f"/missions/{story.code}/programmes/").content.decode()
    assert 'id="state-presence-map-link"' in overview and f'href="{url(story)}"' in overview
    assert web.get("/programmes/state-presence/?export=csv")["Content-Type"].startswith("text/csv")
