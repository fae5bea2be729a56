//! Recognizers for names, places and organizations (detection engine, part 2).

use super::{Recognizer, Refiner};

/// The name, place and organization recognizers.
pub fn recognizers() -> Vec<Box<dyn Recognizer>> {
    Vec::new()
}

/// Refiners, e.g. other occurrences of a found name.
pub fn refiners() -> Vec<Box<dyn Refiner>> {
    Vec::new()
}
