//! What may be kept on the device between visits (the browser's localStorage), and nothing more.
//!
//! Stored freely: the operator chosen per category and the allow list (words that are not
//! identifiers). The deny list holds names, so it is stored only when the user turned that on
//! (`remember_deny`); otherwise [`Settings::to_storage`] writes it empty. Story text, decisions,
//! manual redactions and the per-story secret are never part of the settings: they live only in
//! the page and in an encrypted work file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::review::DenyWord;
use crate::engine::operators::Operator;
use crate::engine::Category;

/// The user's preferences.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Operator chosen per category (categories not listed use their default).
    pub operators: BTreeMap<Category, Operator>,
    /// Words never redacted.
    pub allow: Vec<String>,
    /// Words always redacted.
    pub deny: Vec<DenyWord>,
    /// True when the user agreed to keep the deny list on this device.
    pub remember_deny: bool,
}

/// The localStorage key the UI stores settings under.
pub const STORAGE_KEY: &str = "storysafe.settings.v1";

impl Settings {
    /// The JSON to store: the deny list is left out unless `remember_deny` is on.
    pub fn to_storage(&self) -> String {
        let mut s = self.clone();
        if !s.remember_deny {
            s.deny.clear();
        }
        serde_json::to_string(&s).expect("settings always serialize")
    }

    /// Reads stored settings; anything unreadable gives the defaults (stored settings are a
    /// convenience, never a reason to fail). A deny list stored without consent is dropped.
    pub fn from_storage(json: &str) -> Settings {
        let mut s: Settings = serde_json::from_str(json).unwrap_or_default();
        if !s.remember_deny {
            s.deny.clear();
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deny_list_stored_only_with_consent() {
        let mut s = Settings::default();
        s.allow.push("Hope".into());
        s.deny.push(DenyWord { text: "Quartermain".into(), category: Category::Location });
        s.operators.insert(Category::Name, Operator::Pseudonym);
        // remember_deny, deny list in storage
        for (remember, stored) in [(false, false), (true, true)] {
            s.remember_deny = remember;
            let json = s.to_storage();
            assert_eq!(json.contains("Quartermain"), stored, "{json}");
            assert!(json.contains("Hope") && json.contains("pseudonym"));
            let back = Settings::from_storage(&json);
            assert_eq!(back.deny.len(), usize::from(stored));
            assert_eq!(back.operators, s.operators);
        }
        // Hand-edited storage that sneaks a deny list in without consent is not trusted.
        let forged = r#"{"deny":[{"text":"X","category":"NAME"}],"remember_deny":false}"#;
        assert!(Settings::from_storage(forged).deny.is_empty());
        assert_eq!(Settings::from_storage("not json"), Settings::default());
        assert_eq!(Settings::from_storage("{}"), Settings::default());
    }
}
