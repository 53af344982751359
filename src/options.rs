//! How to parse: [`Options`], and the version of the JSON contract ([`SCHEMA_VERSION`]).

/// Version of the JSON contract this crate writes.
pub const SCHEMA_VERSION: u32 = 1;

/// How to parse. `Options::default()` is what the CLI uses.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Join a line back to the paragraph it continues across a blank line, a page break or a
    /// hard wrap (it starts in lower case, or the previous line did not end a sentence).
    /// Default `true`.
    pub join_continuations: bool,
    /// How many lines from the top the header block may span. Default 80.
    pub header_lines: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            join_continuations: true,
            header_lines: 80,
        }
    }
}
