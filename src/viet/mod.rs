//! Tiếng Việt — the ground floor every stage stands on: case and white space (`is_upper`,
//! `fold_ws`), folding and match keys (`upper_key`, `bare`), person names, and whether a word is
//! a well-formed Vietnamese syllable ([`syllable`]). Nothing here knows about documents.

pub mod syllable;
mod text;

pub use text::*;
