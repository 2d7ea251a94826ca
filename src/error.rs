//! The crate's one error type: opaque, with a message that names what went wrong.

use std::fmt;

/// An error from building an [`crate::Annotator`] or from converting offsets.
///
/// The kinds are private so they can grow; its `Display` (`to_string()`) gives a message fit
/// for a user (it names the data file and line, or the dictionary entry, at fault).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    /// An embedded or user-supplied data line could not be read.
    Data {
        source: String,
        line: usize,
        message: String,
    },
    /// A user dictionary is not valid.
    Dictionary { message: String },
    /// An offset is not on a character boundary or is past the end of the text.
    Offset { offset: usize, len: usize },
}

impl Error {
    pub(crate) fn data(source: &str, line: usize, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Data {
                source: source.to_string(),
                line,
                message: message.into(),
            },
        }
    }

    pub(crate) fn dictionary(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Dictionary {
                message: message.into(),
            },
        }
    }

    pub(crate) fn offset(offset: usize, len: usize) -> Error {
        Error {
            kind: ErrorKind::Offset { offset, len },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Data {
                source,
                line,
                message,
            } => {
                write!(f, "{source}, line {line}: {message}")
            }
            ErrorKind::Dictionary { message } => write!(f, "invalid dictionary: {message}"),
            ErrorKind::Offset { offset, len } => write!(
                f,
                "offset {offset} is not on a character boundary of a text of {len} bytes"
            ),
        }
    }
}

impl std::error::Error for Error {}
