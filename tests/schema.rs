//! The published JSON Schema (`src/schema.json`) is the one generated from the types
//! (`vanban::json_schema()`, `vanban schema`), and describes what the parser writes: every
//! fixture's output validates against it, so the schema and the code cannot drift apart.

mod common;

use common::{bad_fixtures, document_fixtures, to_value};

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../src/schema.json")).expect("schema is JSON");
    jsonschema::draft202012::new(&schema).expect("schema is a valid draft 2020-12 schema")
}

#[test]
fn every_fixture_validates_against_the_schema() {
    let v = validator();
    let mut checked = 0;
    for path in document_fixtures().into_iter().chain(bad_fixtures()) {
        let bytes = std::fs::read(&path).expect("fixture readable");
        let Ok(parsed) = vanban::parse_bytes(&bytes, &vanban::Options::default()) else {
            continue;
        };
        let doc = to_value(&parsed);
        let errors: Vec<String> = v
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{}: {}",
            path.display(),
            errors.join("; ")
        );
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} documents checked");
}

#[test]
fn the_schema_rejects_drift() {
    let v = validator();
    let parsed = vanban::parse("Số: 1/TB-UBND\n", &vanban::Options::default());
    let mut doc = to_value(&parsed);
    assert!(v.is_valid(&doc));
    doc["unexpected_field"] = serde_json::json!(1);
    assert!(
        !v.is_valid(&doc),
        "an unknown top-level field must be reported"
    );
}

/// `src/schema.json` is the generated schema as it stands: after a change to the types,
/// `cargo run -- schema > src/schema.json` publishes the new one.
#[cfg(feature = "schema")]
#[test]
fn the_published_schema_is_the_generated_one() {
    let generated = serde_json::to_string_pretty(&vanban::json_schema()).unwrap() + "\n";
    assert!(
        generated == include_str!("../src/schema.json"),
        "src/schema.json is not the schema the types give: run `cargo run -- schema > src/schema.json`"
    );
}
