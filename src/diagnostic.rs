//! Diagnostics: what the parser noticed, with a stable kebab-case code and a position.

use serde::Serialize;

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was repaired or is merely worth knowing.
    Info,
    /// A component is missing or odd; the tree is still usable.
    Warning,
    /// The input is not (or not enough of) a document.
    Error,
}

/// One finding, e.g. `warning missing-issuer at line 1`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// A stable kebab-case code (`missing-issuer`, `blank-number`, `unplaced-line`, …).
    pub code: &'static str,
    /// A sentence for people.
    pub message: String,
    /// 1-based line, when the finding has a place.
    pub line: Option<u32>,
    /// 1-based column in characters (not bytes), when the finding has a place.
    pub column: Option<u32>,
}

impl Diagnostic {
    /// A diagnostic at a line and character column.
    pub fn at(
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
        line: u32,
        column: u32,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            line: Some(line),
            column: Some(column),
        }
    }

    /// A diagnostic about the document as a whole.
    pub fn whole(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            line: None,
            column: None,
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{sev}[{}] {l}:{c}: {}", self.code, self.message),
            (Some(l), None) => write!(f, "{sev}[{}] {l}: {}", self.code, self.message),
            _ => write!(f, "{sev}[{}]: {}", self.code, self.message),
        }
    }
}
