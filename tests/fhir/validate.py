#!/usr/bin/env python3
"""Validates `storysafe fhir` output with an independent FHIR implementation.

Uses the Python package fhir.resources, version 8.3.0 (pip install fhir.resources==8.3.0), class
fhir.resources.R4B.consent.Consent (R4B's Consent has R4's shape). Runs the native binary on the
example package (and on variants), parses its output as a Consent, and checks the elements the
issue requires. Prints one line per check and 'N passed, N failed'; exits non-zero on any failure.

Usage: python3 tests/fhir/validate.py [--bin PATH_TO_storysafe] [--package PACKAGE.json]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

passed = 0
failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok    {name}")
    else:
        failed += 1
        print(f"FAIL  {name}{': ' + detail if detail else ''}")


def run_fhir(binary, package, today):
    out = subprocess.run([binary, "fhir", package, "--today", today], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"storysafe fhir exited {out.returncode}: {out.stderr.strip()}")
    return out.stdout


def codes(concepts):
    return {(c.system, c.code) for cc in concepts for c in (cc.coding or [])}


def validate(label, raw, Consent, want_status, want_end):
    """Parses raw JSON as a Consent and checks the required elements."""
    try:
        consent = Consent.model_validate_json(raw)
    except Exception as e:  # pydantic.ValidationError and friends
        check(f"{label}: parses as R4B Consent", False, str(e)[:2000])
        return
    check(f"{label}: parses as R4B Consent", True)
    data = json.loads(raw)
    check(f"{label}: resourceType Consent", data.get("resourceType") == "Consent")
    check(f"{label}: status {want_status}", consent.status == want_status, str(consent.status))
    check(f"{label}: scope patient-privacy",
          ("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy") in codes([consent.scope]))
    check(f"{label}: category LOINC 59284-0", ("http://loinc.org", "59284-0") in codes(consent.category))
    check(f"{label}: policyRule hipaa-auth",
          consent.policyRule is not None
          and ("http://terminology.hl7.org/CodeSystem/consentpolicycodes", "hipaa-auth") in codes([consent.policyRule]))
    p = consent.provision
    check(f"{label}: provision permit", p is not None and p.type == "permit")
    check(f"{label}: provision period", p is not None and p.period is not None and p.period.start is not None
          and (str(p.period.end) == want_end if want_end else True), str(p.period if p else None))
    check(f"{label}: provision actor with role and reference",
          p is not None and bool(p.actor) and all(a.role and a.reference for a in p.actor))
    check(f"{label}: provision purpose", p is not None and bool(p.purpose))
    check(f"{label}: provision data references the story",
          p is not None and bool(p.data) and p.data[0].reference.reference == "#story"
          and any(c.get("id") == "story" for c in data.get("contained", [])))
    ident = (data.get("patient") or {}).get("identifier") or {}
    check(f"{label}: patient is a local pseudonymous id",
          ident.get("system") == "urn:storysafe:pseudonym" and ident.get("value", "").startswith("P-"), str(ident))
    check(f"{label}: no empty strings", '""' not in raw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", help="the storysafe binary (default: the newest of target/release and target/debug)")
    ap.add_argument("--package", default=os.path.join(ROOT, "tests", "fixtures", "package.example.json"))
    args = ap.parse_args()
    binary = args.bin
    if binary is None:
        builds = [os.path.join(ROOT, "target", p, "storysafe") for p in ("release", "debug")]
        builds = [b for b in builds if os.path.exists(b)]
        if not builds:
            print("FAIL  no storysafe binary: run cargo build --release --bin storysafe")
            print("0 passed, 1 failed")
            return 1
        binary = max(builds, key=os.path.getmtime)
    try:
        import fhir.resources
        from fhir.resources.R4B.consent import Consent
    except ImportError as e:
        print(f"FAIL  import fhir.resources: {e} (pip install fhir.resources==8.3.0)")
        print("0 passed, 1 failed")
        return 1
    check("fhir.resources version 8.3.0", fhir.resources.__version__ == "8.3.0", fhir.resources.__version__)

    validate("example", run_fhir(binary, args.package, "2026-11-30"), Consent, "active", "2031-12-31")
    validate("example after expiry", run_fhir(binary, args.package, "2032-01-01"), Consent, "inactive", "2031-12-31")

    # Variants: a personal representative signing, social media, an expiration event only,
    # a verbal witnessed consent. They need not verify (the digest is not resealed): only the
    # consent is exported.
    with open(args.package, encoding="utf-8") as f:
        pkg = json.load(f)
    c = pkg["consent"]
    c["signature"].update(signed_by="personal_representative", representative_name="The patient's son",
                          representative_authority="Next of kin")
    c["attestations"].update(patient_deceased=True, next_of_kin_consented=True)
    c["recipient"].update(channel="social_media", platform="Mastodon", name="")
    c["expiration"].update(date="", event="One year after publication")
    c["obtained"].update(method="verbal_witnessed", witness="The ward sister")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(pkg, f)
        variant = f.name
    try:
        raw = run_fhir(binary, variant, "2026-11-30")
        validate("representative, social media, event expiry", raw, Consent, "active", None)
        data = json.loads(raw)
        check("variant: representative shown as performer",
              "Next of kin" in data["performer"][0].get("display", ""), str(data.get("performer")))
        check("variant: expiry event recorded", "One year after publication" in data["policyRule"].get("text", ""))
    finally:
        os.unlink(variant)

    # A resource missing a required element must be rejected, or this validator proves nothing.
    broken = json.loads(run_fhir(binary, args.package, "2026-11-30"))
    del broken["scope"]
    try:
        Consent.model_validate(broken)
        check("validator rejects a Consent without scope", False)
    except Exception:
        check("validator rejects a Consent without scope", True)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
