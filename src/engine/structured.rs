//! Recognizers for identifiers that have a shape: emails, phones, dates, URLs, SSNs, ...

use std::sync::LazyLock;

use regex::Regex;

use super::pattern::PatternRecognizer;
use super::{Category, Recognizer, Refiner};

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b").unwrap()
});
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\b\d{3}[ .-])\d{3}[ .-]\d{4}\b").unwrap()
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?)\b",
    )
    .unwrap()
});
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?://|www\.)[^\s<>()]+[^\s<>().,;:!?]").unwrap());
static SSN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\d{3}-\d{2}-\d{4}\b").unwrap());

/// The structured recognizers, in registry order.
pub fn recognizers() -> Vec<Box<dyn Recognizer>> {
    vec![
        Box::new(PatternRecognizer { name: "email", regex: &EMAIL, category: Category::Email, score: 1.0, reason: "looks like an email address", validate: None }),
        Box::new(PatternRecognizer { name: "phone", regex: &PHONE, category: Category::Phone, score: 0.8, reason: "looks like a phone number", validate: None }),
        Box::new(PatternRecognizer { name: "date", regex: &DATE, category: Category::Date, score: 0.7, reason: "a date more specific than a year", validate: None }),
        Box::new(PatternRecognizer { name: "url", regex: &URL, category: Category::Url, score: 0.9, reason: "a web address", validate: None }),
        Box::new(PatternRecognizer { name: "ssn", regex: &SSN, category: Category::Ssn, score: 0.9, reason: "shaped like a Social Security number", validate: None }),
    ]
}

/// The structured refiners.
pub fn refiners() -> Vec<Box<dyn Refiner>> {
    Vec::new()
}
