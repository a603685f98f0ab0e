"""Every statistic Amparo computes on a generated detainer file equals the same statistic computed
independently by DuckDB from the same rows as CSV: for the nation, a state, a county (through the
crosswalk) and a facility, from the xlsx and from the CSV, for both releases' headers."""
import json
import os
import subprocess

import pytest

from conftest import ROOT
from detainer_reference import figures

BINARY = os.environ.get("AMPARO_BINARY", os.path.join(ROOT, ".build", "debug", "amparo"))


def amparo(*args, data_dir=None):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    command = [BINARY, *args] + (["--data-dir", str(data_dir)] if data_dir else [])
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def nonzero(mapping):
    return {k: v for k, v in mapping.items() if v}


def compare(amparo_json, reference):
    ours = json.loads(amparo_json)["figures"]
    for key in ("lodged", "withoutConviction", "bookedWithoutConviction"):
        assert ours[key] == reference[key], key
    for key in ("criminality", "threatLevels", "outcomes", "months", "charges"):
        assert nonzero(ours[key]) == nonzero(reference[key]), key


@pytest.mark.parametrize("release", ["latest", "jul2025"])
def test_amparo_equals_duckdb(tmp_path, release):
    xlsx, csv = tmp_path / "d.xlsx", tmp_path / "d.csv"
    common = ["--rows", "6000", "--seed", "2026", "--release", release, "--facilities", "60"]
    amparo("generate-detainers", *common, "--format", "xlsx", "--sheet-rows", "2500", str(xlsx))
    amparo("generate-detainers", *common, "--format", "csv", str(csv))
    census = tmp_path / "counties.txt"
    census.write_text("TX,48,201,Harris County,H1\nOR,41,051,Multnomah County,H1\nAZ,04,013,Maricopa County,H1\n")
    for source in (xlsx, csv):
        data = tmp_path / f"data-{source.suffix[1:]}"
        amparo("import-counties", str(census), data_dir=data)
        out = amparo("import-detainers", "--no-progress", str(source), data_dir=data)
        assert "Imported 6000 rows; 0 left out." in out
        amparo("crosswalk", "--confirm-proposed", data_dir=data)
        compare(amparo("stats", "--format", "json", data_dir=data), figures(str(csv), release=release))
        compare(amparo("stats", "--state", "TX", "--format", "json", data_dir=data), figures(str(csv), "state = 'TX'", release))
        compare(amparo("stats", "--state", "TX", "--county", "Harris County", "--format", "json", data_dir=data),
                figures(str(csv), "code = 'HARRISTX'", release))
        compare(amparo("stats", "--state", "OR", "--facility", "MULTNOR", "--from", "2024-07", "--to", "2025-03", "--format", "json", data_dir=data),
                figures(str(csv), "code = 'MULTNOR' AND month BETWEEN '2024-07' AND '2025-03'", release))
