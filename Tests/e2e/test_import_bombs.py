"""Small files that would make unbounded work, given to the importers as an operator would: each is
refused quickly, in bounded memory, with the limit it went past named (ImportLimits)."""
import html
import os
import re
import subprocess
import time
import zipfile

import pytest

from conftest import ROOT

BINARY = os.environ.get("AMPARO_BINARY", os.path.join(ROOT, ".build", "debug", "amparo"))
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELATIONS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
             'Target="worksheets/sheet1.xml"/></Relationships>')
HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>STATE</t></is></c><c r="B1" t="inlineStr"><is><t>LAW ENFORCEMENT AGENCY</t></is></c>'
              '<c r="C1" t="inlineStr"><is><t>SUPPORT TYPE</t></is></c></row>')


def xlsx(path, sheet, shared=None):
    """A workbook whose sheet (and shared strings) are streamed from generators of text chunks."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", RELATIONS)
        for name, chunks in [("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", shared)]:
            if chunks is None:
                continue
            with z.open(name, "w", force_zip64=True) as part:
                for chunk in chunks:
                    part.write(chunk.encode())


def gib_of(piece, head="", tail=""):
    block = piece * ((1 << 20) // len(piece))
    yield head
    for _ in range(1024):
        yield block
    yield tail


def run_measured(*args, data_dir):
    """Runs the CLI; answers its output, exit code, seconds and peak memory (MB)."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    started = time.time()
    process = subprocess.Popen([BINARY, *args, "--data-dir", str(data_dir)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, env=env)
    output = process.stdout.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return output, process.returncode, time.time() - started, usage.ru_maxrss / 1024


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bombs")
    strings = folder / "shared-strings-1gib.xlsx"
    xlsx(strings, [f'<worksheet><sheetData>{HEADER_ROW}</sheetData></worksheet>'],
         gib_of("<si><t>aaaaaaaaaaaaaaaa</t></si>", head="<sst>", tail="</sst>"))
    unclosed = folder / "unclosed-row.xlsx"
    xlsx(unclosed, [f'<worksheet><sheetData>{HEADER_ROW}<row r="2">'] + [f'<c r="A2"><v>{n}</v></c>' for n in range(300_000)])
    giant_cell = folder / "giant-inline-cell.xlsx"
    xlsx(giant_cell, gib_of("x", head=f'<worksheet><sheetData>{HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>',
                            tail="</t></is></c></row></sheetData></worksheet>"))
    csv = folder / "giant-agency.csv"
    with open(csv, "w") as f:
        f.write("STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE\nTX,")
        f.write("A" * (50 << 20))
        f.write(",Jail Enforcement Model\n")
    return {"strings": strings, "unclosed": unclosed, "giant_cell": giant_cell, "csv": csv}


@pytest.mark.parametrize("bomb,expected", [
    ("strings", "shared strings inflate to more than 128 MB"),
    ("unclosed", "row 2 is longer than 4 MB"),
    ("giant_cell", "times its compressed size"),
    ("csv", {"import-287g": "the file is larger than 20 MB", "import-detainers": "holds more than 32,767 characters"}),
])
@pytest.mark.parametrize("command", ["import-287g", "import-detainers"])
def test_a_bomb_is_refused_fast_in_bounded_memory(bombs, bomb, expected, command, tmp_path):
    expected = expected[command] if isinstance(expected, dict) else expected
    path = bombs[bomb]
    output, code, seconds, peak = run_measured(command, str(path), data_dir=tmp_path / "data")
    print(f"{command} {path.name} ({path.stat().st_size >> 10} KB): exit {code}, {seconds:.1f} s, peak {peak:.0f} MB")
    assert code == 1, output
    assert expected in output, output
    assert "Nothing" in output or "nothing" in output, output
    assert peak < 300, f"peak memory {peak:.0f} MB"
    assert seconds < 30, f"{seconds:.1f} s"


def test_the_bomb_uploaded_on_the_places_page_is_refused_in_bounded_memory(bombs, server):
    """The same 1 GiB shared-strings bomb, uploaded by a member in the browser's way."""
    from amparo_client import set_up_admin
    from test_abuse import peak_rss_mb
    admin = set_up_admin(server.base, server.setup_link)
    form = admin.get("/places/imports")
    action = html.unescape(re.search(r'action="(/places/imports[^"]*)" enctype="multipart/form-data"', form).group(1))
    started = time.time()
    status, page = admin.post_file(action, "file", "participatingAgencies.xlsx", bombs["strings"].read_bytes(),
                                   fields={"list": "participating"})
    seconds, peak = time.time() - started, peak_rss_mb(server.process.pid)
    print(f"upload {bombs['strings'].name} ({bombs['strings'].stat().st_size >> 10} KB): {status}, {seconds:.1f} s, server peak {peak:.0f} MB")
    assert status == 422, (status, page[:500])
    assert "128 MB" in page, page[:2000]
    assert peak < 300, f"peak memory {peak:.0f} MB"
    assert seconds < 30
