//! The vocabulary of the engine: categories and spans.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

/// What kind of identifier a span is.
///
/// The names (in `SCREAMING_CASE` when serialized) are the contract of `storysafe scan` and of the
/// evaluation corpora. The last four are *optional* findings: allowed under HIPAA Safe Harbor or
/// only quasi-identifying, reported for information and never redacted by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Category {
    /// A person's name (patient, relative, clinician).
    Name,
    /// Street, city, county, neighbourhood, ZIP/postcode, room or bed.
    Location,
    /// A hospital, clinic, school, employer, church, shelter, ...
    Organization,
    /// Any date element more specific than a year.
    Date,
    /// An age over 89.
    #[serde(rename = "AGE90")]
    Age90,
    /// A telephone number.
    Phone,
    /// A fax number.
    Fax,
    /// An email address.
    Email,
    /// A URL or bare domain.
    Url,
    /// An IPv4 or IPv6 address.
    Ip,
    /// A US Social Security number.
    Ssn,
    /// A medical record number.
    Mrn,
    /// A health plan beneficiary number (Medicare MBI, NHS number, member ID).
    Healthplan,
    /// An account or card number.
    Account,
    /// A licence or certificate number (driver's licence, NPI, DEA).
    License,
    /// A vehicle identifier (plate, VIN).
    Vehicle,
    /// A device identifier or serial number.
    Device,
    /// Any other unique identifying code.
    Id,
    /// Optional: a year on its own.
    Year,
    /// Optional: a state, province or country.
    State,
    /// Optional: an age of 89 or under.
    Age,
    /// Optional: an occupation.
    Profession,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 22] = [
        Category::Name,
        Category::Location,
        Category::Organization,
        Category::Date,
        Category::Age90,
        Category::Phone,
        Category::Fax,
        Category::Email,
        Category::Url,
        Category::Ip,
        Category::Ssn,
        Category::Mrn,
        Category::Healthplan,
        Category::Account,
        Category::License,
        Category::Vehicle,
        Category::Device,
        Category::Id,
        Category::Year,
        Category::State,
        Category::Age,
        Category::Profession,
    ];

    /// The contract name, e.g. `"EMAIL"`, `"AGE90"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Name => "NAME",
            Category::Location => "LOCATION",
            Category::Organization => "ORGANIZATION",
            Category::Date => "DATE",
            Category::Age90 => "AGE90",
            Category::Phone => "PHONE",
            Category::Fax => "FAX",
            Category::Email => "EMAIL",
            Category::Url => "URL",
            Category::Ip => "IP",
            Category::Ssn => "SSN",
            Category::Mrn => "MRN",
            Category::Healthplan => "HEALTHPLAN",
            Category::Account => "ACCOUNT",
            Category::License => "LICENSE",
            Category::Vehicle => "VEHICLE",
            Category::Device => "DEVICE",
            Category::Id => "ID",
            Category::Year => "YEAR",
            Category::State => "STATE",
            Category::Age => "AGE",
            Category::Profession => "PROFESSION",
        }
    }

    /// Parses a contract name (`"EMAIL"`), case-insensitively.
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str().eq_ignore_ascii_case(s))
    }

    /// A short human label, e.g. "Phone number".
    pub fn label(self) -> &'static str {
        match self {
            Category::Name => "Name",
            Category::Location => "Place",
            Category::Organization => "Organization",
            Category::Date => "Date",
            Category::Age90 => "Age over 89",
            Category::Phone => "Phone",
            Category::Fax => "Fax",
            Category::Email => "Email",
            Category::Url => "Web address",
            Category::Ip => "IP address",
            Category::Ssn => "SSN",
            Category::Mrn => "Medical record no.",
            Category::Healthplan => "Health plan no.",
            Category::Account => "Account no.",
            Category::License => "Licence no.",
            Category::Vehicle => "Vehicle",
            Category::Device => "Device serial",
            Category::Id => "Other ID",
            Category::Year => "Year",
            Category::State => "State/country",
            Category::Age => "Age",
            Category::Profession => "Occupation",
        }
    }

    /// True for findings that are informational only (YEAR, STATE, AGE, PROFESSION).
    pub fn is_optional(self) -> bool {
        matches!(self, Category::Year | Category::State | Category::Age | Category::Profession)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A detected identifier: a byte range of the text with its category and the reason it was found.
///
/// `start..end` are UTF-8 byte offsets into the text given to [`crate::engine::Engine::scan`], always
/// on character boundaries.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// What kind of identifier this is.
    pub category: Category,
    /// Confidence in `0.0..=1.0`; conflict resolution prefers higher scores.
    pub score: f32,
    /// The recognizer that produced the span, e.g. `"email"`.
    pub recognizer: &'static str,
    /// A one-line, human explanation of why it was flagged.
    pub reason: Cow<'static, str>,
}

impl Span {
    /// Builds a span.
    pub fn new(
        start: usize,
        end: usize,
        category: Category,
        score: f32,
        recognizer: &'static str,
        reason: impl Into<Cow<'static, str>>,
    ) -> Span {
        Span { start, end, category, score, recognizer, reason: reason.into() }
    }

    /// Byte length.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}
