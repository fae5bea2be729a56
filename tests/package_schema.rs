//! `schema/package.schema.json` and the Rust package types describe the same format.
//!
//! A small checker for the subset of JSON Schema the file uses (type, properties, required,
//! additionalProperties: false, items, enum, const) walks packages made by the Rust code. Full
//! validation, patterns included, is done by `tests/schema/validate_package.py` with `jsonschema`.

use serde_json::Value;
use storysafe::consent::record::{Attachment, Method};
use storysafe::consent::{parse_package, LogEntry, SharePackage};
use storysafe::engine::Category;

const SCHEMA: &str = include_str!("../schema/package.schema.json");
const EXAMPLE: &str = include_str!("fixtures/package.example.json");

/// Collects every mismatch between `v` and `schema` at `path`; records the schema paths of the
/// properties seen, to check that the schema has no member the types never write.
fn check(schema: &Value, v: &Value, path: &str, errors: &mut Vec<String>, seen: &mut Vec<String>) {
    if let Some(c) = schema.get("const") {
        if c != v {
            errors.push(format!("{path}: {v} is not the constant {c}"));
        }
    }
    if let Some(Value::Array(options)) = schema.get("enum") {
        if !options.contains(v) {
            errors.push(format!("{path}: {v} is not one of {options:?}"));
        }
    }
    let ty = schema.get("type").and_then(Value::as_str);
    let ok = match ty {
        Some("object") => v.is_object(),
        Some("array") => v.is_array(),
        Some("string") => v.is_string(),
        Some("boolean") => v.is_boolean(),
        Some("integer") => v.is_u64() || v.is_i64(),
        _ => true,
    };
    if !ok {
        errors.push(format!("{path}: {v} is not of type {ty:?}"));
        return;
    }
    if let (Some(props), Value::Object(map)) = (schema.get("properties").and_then(Value::as_object), v) {
        for req in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            if !map.contains_key(req.as_str().unwrap()) {
                errors.push(format!("{path}: required member {req} is missing"));
            }
        }
        for (k, child) in map {
            match props.get(k) {
                Some(s) => {
                    seen.push(format!("{path}/{k}"));
                    check(s, child, &format!("{path}/{k}"), errors, seen);
                }
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: member {k:?} is not in the schema"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Value::Array(arr)) = (schema.get("items"), v) {
        for item in arr {
            check(items, item, &format!("{path}[]"), errors, seen);
        }
    }
}

/// Every property path the schema declares (arrays as `[]`).
fn declared(schema: &Value, path: &str, out: &mut Vec<String>) {
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (k, s) in props {
            out.push(format!("{path}/{k}"));
            declared(s, &format!("{path}/{k}"), out);
        }
    }
    if let Some(items) = schema.get("items") {
        declared(items, &format!("{path}[]"), out);
    }
}

/// The example with every optional member filled in (an attachment, a logged replacement).
fn full_package() -> SharePackage {
    let (mut p, _) = parse_package(EXAMPLE).unwrap();
    p.consent.obtained.method = Some(Method::Electronic);
    p.consent.obtained.attachment =
        Some(Attachment { media_type: "application/pdf".into(), title: "consent.pdf".into(), data_base64: "JVBERi0=".into() });
    p.anonymisation_log.push(LogEntry { category: Category::Age90, operator: "generalize".into(), start: 0, end: 3 });
    p.seal();
    p
}

#[test]
fn packages_match_the_schema() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let mut all_seen = Vec::new();
    for (name, json) in [("example", EXAMPLE.to_string()), ("full", full_package().to_json())] {
        let v: Value = serde_json::from_str(&json).unwrap();
        let mut errors = Vec::new();
        check(&schema, &v, "", &mut errors, &mut all_seen);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
    let mut declared_paths = Vec::new();
    declared(&schema, "", &mut declared_paths);
    let never_written: Vec<&String> = declared_paths.iter().filter(|p| !all_seen.contains(p)).collect();
    assert!(never_written.is_empty(), "the schema declares members the Rust types never write: {never_written:?}");
}

/// A change that makes a package drift from the schema.
type Mutation = fn(&mut Value);

#[test]
fn the_checker_catches_drift() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let rows: &[(&str, Mutation)] = &[
        ("unknown member", |v| v["consent"]["obtained"]["signature_png"] = "x".into()),
        ("missing member", |v| {
            v["consent"]["statements"].as_object_mut().unwrap().remove("redisclosure");
        }),
        ("wrong enum", |v| v["consent"]["recipient"]["channel"] = "radio".into()),
        ("wrong type", |v| v["anonymisation_log"][0]["start"] = "0".into()),
        ("wrong const", |v| v["format_version"] = 2.into()),
    ];
    for (what, edit) in rows {
        let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
        edit(&mut v);
        let mut errors = Vec::new();
        check(&schema, &v, "", &mut errors, &mut Vec::new());
        assert!(!errors.is_empty(), "{what} not caught");
    }
}
