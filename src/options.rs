//! How to parse: [`Options`], and the version of the JSON contract ([`SCHEMA_VERSION`]).

/// Version of the JSON contract this crate writes.
pub const SCHEMA_VERSION: u32 = 1;

/// How to parse. `Options::default()` (or [`Options::new`]) is what the CLI uses; each setting
/// has a method of its name that sets it:
///
/// ```
/// let opts = vanban::Options::new().join_continuations(false).header_lines(40);
/// assert!(!opts.join_continuations);
/// assert_eq!(opts.header_lines, 40);
/// ```
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

impl Options {
    /// The default options.
    pub fn new() -> Options {
        Options::default()
    }

    /// Set [`Options::join_continuations`](struct@Options#structfield.join_continuations).
    pub fn join_continuations(mut self, on: bool) -> Options {
        self.join_continuations = on;
        self
    }

    /// Set [`Options::header_lines`](struct@Options#structfield.header_lines).
    pub fn header_lines(mut self, lines: usize) -> Options {
        self.header_lines = lines;
        self
    }
}
