"""The detainer figures computed independently of Amparo, by DuckDB straight from a CSV file: the
reference the equality test and the benchmark compare Amparo with. The rules are the ones the
Deportation Data Project's codebook gives (see Sources/AmparoDomain/Evidence)."""
import duckdb

ROWS = """
WITH raw AS (SELECT * FROM read_csv('{path}', header = true, all_varchar = true)),
clean AS (
  SELECT
    strftime(CAST(regexp_replace(trim("Detainer Prepare Date"), '[ T].*$', '') AS DATE), '%Y-%m') AS month,
    upper(trim("Facility State")) AS state,
    upper(regexp_replace(trim(coalesce("{code}", '')), '\\s+', ' ', 'g')) AS code,
    regexp_replace(trim(coalesce("{criminality}", '')), '\\s+', ' ', 'g') AS criminality_text,
    trim(coalesce("{threat}", '')) AS threat_text,
    lower(regexp_replace(trim(coalesce("Detainer Lift Reason", '')), '\\s+', ' ', 'g')) AS lift,
    trim(coalesce("MSC Charge Code", '')) AS charge_code
  FROM raw
  WHERE try_cast(regexp_replace(trim("Detainer Prepare Date"), '[ T].*$', '') AS DATE) IS NOT NULL
)
SELECT month, state, code,
  CASE WHEN left(criminality_text, 1) = '1' THEN 'convicted' WHEN left(criminality_text, 1) = '2' THEN 'pending_charges'
       WHEN left(criminality_text, 1) = '3' THEN 'other_immigration_violator' ELSE 'unrecorded' END AS criminality,
  CASE WHEN threat_text IN ('1', '2', '3') THEN 'level' || threat_text ELSE 'none' END AS threat,
  CASE WHEN lift = '' THEN 'pending'
       WHEN starts_with(lift, 'booked into detention') THEN 'booked_into_detention'
       WHEN contains(lift, 'declined by lea') OR contains(lift, 'declined by local') THEN 'declined_by_local_agency'
       WHEN starts_with(lift, 'early release') OR starts_with(lift, 'no longer in state, local, or federal custody') THEN 'released'
       ELSE 'other' END AS outcome,
  CASE WHEN regexp_matches(charge_code, '^[0-9]{{2}}') THEN left(charge_code, 2) ELSE '00' END AS charge
FROM clean
"""

KNOWN_CHARGES = {"01", "02", "03", "09", "10", "11", "12", "13", "14", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29",
                 "35", "36", "37", "38", "39", "40", "41", "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59",
                 "60", "61", "62", "63", "70", "71", "72", "73"}


def rows_sql(path, release="latest"):
    names = {"latest": ("Detainer Facility Code", "Detainer Criminality", "Detainer Threat Level"),
             "jul2025": ("Detention Facility Code", "Detainer Prepared Criminality", "Detainer Prep Threat Level")}[release]
    return ROWS.format(path=path, code=names[0], criminality=names[1], threat=names[2])


def figures(path, where="TRUE", release="latest", connection=None):
    """The same figures `amparo stats --format json` gives, for the rows `where` selects."""
    con = connection or duckdb.connect()
    con.execute(f"CREATE OR REPLACE TEMP TABLE d AS {rows_sql(path, release)}")
    def grouped(column):
        return {key: n for key, n in con.execute(f"SELECT {column}, count(*) FROM d WHERE {where} GROUP BY 1").fetchall()}
    lodged = con.execute(f"SELECT count(*) FROM d WHERE {where}").fetchone()[0]
    criminality = grouped("criminality")
    charges = {(c if c in KNOWN_CHARGES else "00"): 0 for c in grouped("charge")}
    for c, n in grouped("charge").items():
        charges[c if c in KNOWN_CHARGES else "00"] += n
    booked_without = con.execute(f"SELECT count(*) FROM d WHERE {where} AND outcome = 'booked_into_detention' AND criminality <> 'convicted'").fetchone()[0]
    return {
        "lodged": lodged,
        "withoutConviction": lodged - criminality.get("convicted", 0),
        "criminality": criminality,
        "threatLevels": grouped("threat"),
        "outcomes": grouped("outcome"),
        "months": grouped("month"),
        "charges": charges,
        "bookedWithoutConviction": booked_without,
    }
