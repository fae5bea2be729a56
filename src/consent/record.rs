//! The consent record: what the patient (or their representative) agreed to, for which exact text.
//!
//! The record gathers three sets of elements:
//!
//! - the **core elements of a HIPAA authorization** (45 CFR 164.508(c)(1)): a description of the
//!   information ([`Story`], identified by the SHA-256 of the final text), who discloses it
//!   ([`ConsentRecord::discloser`]), to whom ([`Recipient`]: the channel), the purpose, an
//!   expiration date or event ([`Expiration`]), the signature date and, when a personal
//!   representative signs, their name and authority ([`Signature`]);
//! - the **required statements** (164.508(c)(2)): the right to revoke in writing and how, that
//!   care does not depend on signing, and that published information can be redisclosed
//!   ([`Statements`]);
//! - the **journal attestations** (BMJ patient consent form, ICMJE, COPE): the final text was
//!   seen, anonymity cannot be guaranteed and someone close may recognize the patient, it may
//!   appear online worldwide, consent may be withdrawn until publication, and for a deceased
//!   patient the next of kin consented ([`Attestations`]);
//!
//! plus how consent was obtained and where the signed original is kept ([`Obtained`]). The tool
//! keeps no signature image unless the user attaches one.
//!
//! Every field is plain data that an HTML form can edit: text as `String`, dates as `YYYY-MM-DD`
//! strings, choices as `Option<enum>` (`None` = not chosen yet). [`ConsentRecord::validate`]
//! returns every [`Problem`] at once, each naming its field by a stable dotted id (the JSON path,
//! e.g. `"signature.representative_name"`) so the form can show it next to the field.
//!
//! ```
//! use storysafe::consent::{text_hash, ConsentRecord, IsoDate};
//!
//! let mut record = ConsentRecord::default();
//! let problems = record.validate();
//! assert!(problems.iter().any(|p| p.field == "purpose"));
//! record.purpose = "To show colleagues how a missed diagnosis felt from the bedside.".into();
//! assert!(!record.validate().iter().any(|p| p.field == "purpose"));
//! ```

use serde::{Deserialize, Serialize};

use super::date::IsoDate;
use super::text_hash;

/// How serious a [`Problem`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The consent is not valid until this is fixed.
    Error,
    /// Worth a look, but does not invalidate the consent.
    Warning,
}

/// One thing wrong or missing in a record, shown next to the field it names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The field's dotted id, its JSON path in the record (e.g. `"expiration.date"`).
    pub field: String,
    /// A plain sentence for the user.
    pub message: String,
    /// Error (blocks) or warning (informs).
    pub severity: Severity,
}

impl Problem {
    /// An error on `field`.
    pub fn error(field: &str, message: impl Into<String>) -> Problem {
        Problem { field: field.into(), message: message.into(), severity: Severity::Error }
    }

    /// A warning on `field`.
    pub fn warning(field: &str, message: impl Into<String>) -> Problem {
        Problem { field: field.into(), message: message.into(), severity: Severity::Warning }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Where the story will be shared: the class of recipients of the disclosure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// An opinion piece in a newspaper or magazine.
    OpEd,
    /// A post on a social media platform (which one is recorded in [`Recipient::platform`]).
    SocialMedia,
    /// A talk or presentation.
    Talk,
    /// A case report in a journal.
    JournalCaseReport,
    /// Teaching material for students or staff.
    Teaching,
    /// Anything else (described in [`Recipient::name`]).
    Other,
}

impl Channel {
    /// Every channel, in form order.
    pub const ALL: [Channel; 6] =
        [Channel::OpEd, Channel::SocialMedia, Channel::Talk, Channel::JournalCaseReport, Channel::Teaching, Channel::Other];

    /// The stable code, as serialized (e.g. `"social_media"`).
    pub fn code(self) -> &'static str {
        match self {
            Channel::OpEd => "op_ed",
            Channel::SocialMedia => "social_media",
            Channel::Talk => "talk",
            Channel::JournalCaseReport => "journal_case_report",
            Channel::Teaching => "teaching",
            Channel::Other => "other",
        }
    }

    /// A label for forms and summaries.
    pub fn label(self) -> &'static str {
        match self {
            Channel::OpEd => "Opinion piece (op-ed)",
            Channel::SocialMedia => "Social media",
            Channel::Talk => "Talk or presentation",
            Channel::JournalCaseReport => "Journal case report",
            Channel::Teaching => "Teaching",
            Channel::Other => "Other",
        }
    }

    /// Parses a [code](Channel::code).
    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.code() == s.trim())
    }
}

/// The information disclosed: the final text, identified by its hash.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// A description of the information, in words the patient understands
    /// (e.g. "my story of the weeks before my diagnosis, as written by my doctor").
    pub description: String,
    /// Lowercase hex SHA-256 of the final text (UTF-8): the exact text consented to.
    pub text_sha256: String,
}

/// To whom the story is disclosed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// The channel (`None` until chosen).
    pub channel: Option<Channel>,
    /// For social media, the platform; otherwise empty.
    #[serde(default)]
    pub platform: String,
    /// The venue or audience: the journal, the newspaper, the meeting; required for journal case
    /// reports and "other".
    #[serde(default)]
    pub name: String,
}

/// When the authorization ends: a date, an event, or both (whichever comes first).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expiration {
    /// Expiration date, `YYYY-MM-DD`, or empty. The consent is valid through this day.
    #[serde(default)]
    pub date: String,
    /// Expiration event (e.g. "one year after publication"), or empty.
    #[serde(default)]
    pub event: String,
}

/// Who signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignedBy {
    /// The patient.
    Patient,
    /// A personal representative (parent of a minor, health care agent, executor, next of kin).
    PersonalRepresentative,
}

/// The signature: date, signer, and a representative's name and authority.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The date consent was signed (or given), `YYYY-MM-DD`.
    pub date: String,
    /// The signer (`None` until chosen).
    pub signed_by: Option<SignedBy>,
    /// The representative's name, when a representative signs.
    #[serde(default)]
    pub representative_name: String,
    /// The representative's authority to act (e.g. "parent of a minor", "executor of the estate").
    #[serde(default)]
    pub representative_authority: String,
}

/// The statements an authorization must contain (45 CFR 164.508(c)(2)); each is `true` once the
/// signer has been told.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statements {
    /// The signer may revoke this authorization in writing.
    pub right_to_revoke: bool,
    /// How to revoke (to whom to write).
    #[serde(default)]
    pub revoke_how: String,
    /// Treatment, payment, enrolment or eligibility do not depend on signing.
    pub care_not_conditioned: bool,
    /// Once published, the information may be redisclosed and is no longer protected.
    pub redisclosure: bool,
}

/// The journal-style attestations (BMJ consent form, ICMJE, COPE).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attestations {
    /// The patient (or representative) has seen the final text.
    pub seen_final_text: bool,
    /// They understand complete anonymity cannot be guaranteed.
    pub anonymity_not_guaranteed: bool,
    /// They understand someone close (a relative, a carer) may recognize them.
    pub may_be_recognized: bool,
    /// They know the text may appear online and be read worldwide.
    pub online_worldwide: bool,
    /// They know they may withdraw consent until publication (and not after).
    pub may_withdraw_until_publication: bool,
    /// The patient has died.
    #[serde(default)]
    pub patient_deceased: bool,
    /// For a deceased patient: the next of kin consented.
    #[serde(default)]
    pub next_of_kin_consented: bool,
}

/// How consent was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// A signed paper form.
    Written,
    /// Given verbally, in front of a witness.
    VerbalWitnessed,
    /// Signed electronically.
    Electronic,
}

impl Method {
    /// The stable code, as serialized.
    pub fn code(self) -> &'static str {
        match self {
            Method::Written => "written",
            Method::VerbalWitnessed => "verbal_witnessed",
            Method::Electronic => "electronic",
        }
    }
}

/// A file the user chose to attach (e.g. a scan of the signed form). The tool never creates one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// MIME type, e.g. `application/pdf`.
    pub media_type: String,
    /// The file name shown to reviewers.
    #[serde(default)]
    pub title: String,
    /// The content, base64.
    pub data_base64: String,
}

/// How, by whom, and where the original is kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Obtained {
    /// The method (`None` until chosen).
    pub method: Option<Method>,
    /// Who obtained consent (name or role).
    pub by: String,
    /// The witness, for verbal consent.
    #[serde(default)]
    pub witness: String,
    /// Where the signed original (or the note of verbal consent) is kept.
    pub original_location: String,
    /// An optional attached copy of the signed form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<Attachment>,
}

/// A consent to share one exact text. See the [module documentation](self).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentRecord {
    /// A local pseudonymous id for the patient (never a real identifier), e.g. `"P-3f9c21ab"`.
    pub patient_pseudonym: String,
    /// The information disclosed.
    pub story: Story,
    /// Who discloses (the clinician or organization sharing the story).
    pub discloser: String,
    /// To whom.
    pub recipient: Recipient,
    /// The purpose of the disclosure.
    pub purpose: String,
    /// When the authorization ends.
    pub expiration: Expiration,
    /// Who signed and when.
    pub signature: Signature,
    /// The required statements.
    pub statements: Statements,
    /// The journal attestations.
    pub attestations: Attestations,
    /// How consent was obtained.
    pub obtained: Obtained,
}

/// A pseudonymous patient id derived from `seed` (e.g. random bytes from the browser):
/// `"P-"` and eight hex digits. It carries nothing about the patient.
pub fn pseudonym_from(seed: &[u8]) -> String {
    format!("P-{}", &text_hash_bytes(seed)[..8])
}

fn text_hash_bytes(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl ConsentRecord {
    /// Every completeness and format problem, in form order. Independent of the date and of the
    /// text: see [`ConsentRecord::check`] for those.
    pub fn validate(&self) -> Vec<Problem> {
        let mut p = Vec::new();
        let mut require = |field: &str, value: &str, what: &str| {
            if blank(value) {
                p.push(Problem::error(field, what));
            }
        };
        // Who, what.
        require("patient_pseudonym", &self.patient_pseudonym, "Give the patient a local pseudonymous id (never a real name or record number).");
        require("story.description", &self.story.description, "Describe the information to be shared, in words the patient understands.");
        require("discloser", &self.discloser, "Say who discloses the story (you, or your organization).");
        require("purpose", &self.purpose, "State the purpose of sharing the story.");
        if !blank(&self.patient_pseudonym)
            && !self.patient_pseudonym.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        {
            p.push(Problem::error(
                "patient_pseudonym",
                "The pseudonymous id may use only letters, digits, '-', '_' and '.' (it must not be a name).",
            ));
        } else if self.patient_pseudonym.len() >= 5 && self.patient_pseudonym.bytes().all(|b| b.is_ascii_digit()) {
            p.push(Problem::error(
                "patient_pseudonym",
                "The pseudonymous id looks like a record number: use a generated id such as P-3f9c21ab.",
            ));
        }
        if blank(&self.story.text_sha256) {
            p.push(Problem::error("story.text_sha256", "The consent is not bound to a text yet: record consent for the final text."));
        } else if !is_sha256_hex(&self.story.text_sha256) {
            p.push(Problem::error("story.text_sha256", "The text hash must be 64 lowercase hex digits (SHA-256)."));
        }

        // To whom.
        match self.recipient.channel {
            None => p.push(Problem::error("recipient.channel", "Choose where the story will be shared.")),
            Some(Channel::SocialMedia) if blank(&self.recipient.platform) => {
                p.push(Problem::error("recipient.platform", "Name the social media platform."))
            }
            Some(Channel::JournalCaseReport) if blank(&self.recipient.name) => {
                p.push(Problem::error("recipient.name", "Name the journal."))
            }
            Some(Channel::Other) if blank(&self.recipient.name) => {
                p.push(Problem::error("recipient.name", "Describe to whom the story will be disclosed."))
            }
            Some(_) => {}
        }

        // When it ends, when it was signed.
        let signed = if blank(&self.signature.date) {
            p.push(Problem::error("signature.date", "Enter the date consent was signed."));
            None
        } else {
            match IsoDate::parse(&self.signature.date) {
                Ok(d) => Some(d),
                Err(e) => {
                    p.push(Problem::error("signature.date", format!("Signature date: {e}.")));
                    None
                }
            }
        };
        if blank(&self.expiration.date) && blank(&self.expiration.event) {
            p.push(Problem::error("expiration", "Give an expiration date or an expiration event (or both)."));
        }
        if !blank(&self.expiration.date) {
            match IsoDate::parse(&self.expiration.date) {
                Err(e) => p.push(Problem::error("expiration.date", format!("Expiration date: {e}."))),
                Ok(end) => {
                    if signed.is_some_and(|s| end < s) {
                        p.push(Problem::error("expiration.date", "The expiration date is before the signature date."));
                    }
                }
            }
        } else if !blank(&self.expiration.event) {
            p.push(Problem::warning(
                "expiration.date",
                "Only an expiration event is given: reviewers cannot check expiry by date.",
            ));
        }

        // Who signed.
        let deceased = self.attestations.patient_deceased;
        match self.signature.signed_by {
            None => p.push(Problem::error("signature.signed_by", "Say who signed: the patient or a personal representative.")),
            Some(SignedBy::Patient) if deceased => p.push(Problem::error(
                "signature.signed_by",
                "The patient has died: consent must come from the next of kin or personal representative.",
            )),
            Some(SignedBy::Patient) => {}
            Some(SignedBy::PersonalRepresentative) => {
                if blank(&self.signature.representative_name) {
                    p.push(Problem::error("signature.representative_name", "Enter the personal representative's name."));
                }
                if blank(&self.signature.representative_authority) {
                    p.push(Problem::error(
                        "signature.representative_authority",
                        "Describe the representative's authority to act for the patient (e.g. parent of a minor, executor).",
                    ));
                }
            }
        }

        // Required statements.
        let s = &self.statements;
        if !s.right_to_revoke {
            p.push(Problem::error("statements.right_to_revoke", "The signer must be told of their right to revoke this authorization in writing."));
        }
        if blank(&s.revoke_how) {
            p.push(Problem::error("statements.revoke_how", "Explain how to revoke (to whom to write)."));
        }
        if !s.care_not_conditioned {
            p.push(Problem::error("statements.care_not_conditioned", "The signer must be told that their care does not depend on signing."));
        }
        if !s.redisclosure {
            p.push(Problem::error(
                "statements.redisclosure",
                "The signer must be told that once published, the story can be redisclosed and is no longer protected.",
            ));
        }

        // Attestations.
        let a = &self.attestations;
        let attest = [
            (a.seen_final_text, "attestations.seen_final_text", "The patient (or representative) must have seen the final text."),
            (a.anonymity_not_guaranteed, "attestations.anonymity_not_guaranteed", "The signer must understand that complete anonymity cannot be guaranteed."),
            (a.may_be_recognized, "attestations.may_be_recognized", "The signer must understand that someone close to the patient may recognize them."),
            (a.online_worldwide, "attestations.online_worldwide", "The signer must know the story may appear online and be read worldwide."),
            (a.may_withdraw_until_publication, "attestations.may_withdraw_until_publication", "The signer must know they may withdraw consent until publication."),
        ];
        for (ok, field, msg) in attest {
            if !ok {
                p.push(Problem::error(field, msg));
            }
        }
        if deceased && !a.next_of_kin_consented {
            p.push(Problem::error("attestations.next_of_kin_consented", "The patient has died: confirm that the next of kin consented."));
        }

        // How it was obtained.
        let o = &self.obtained;
        match o.method {
            None => p.push(Problem::error("obtained.method", "Say how consent was obtained: written, verbal with a witness, or electronic.")),
            Some(Method::VerbalWitnessed) if blank(&o.witness) => {
                p.push(Problem::error("obtained.witness", "Verbal consent needs a witness: enter the witness."))
            }
            Some(_) => {}
        }
        if blank(&o.by) {
            p.push(Problem::error("obtained.by", "Say who obtained consent."));
        }
        if blank(&o.original_location) {
            p.push(Problem::error("obtained.original_location", "Say where the signed original (or the note of verbal consent) is kept."));
        }
        if let Some(att) = &o.attachment {
            if blank(&att.media_type) || blank(&att.data_base64) {
                p.push(Problem::error("obtained.attachment", "The attachment is empty: attach the file again or remove it."));
            }
        }
        p
    }

    /// True when the record is bound to exactly `text` (its hash matches). An edit to the text
    /// after consent makes this false: the consent is stale.
    pub fn is_bound_to(&self, text: &str) -> bool {
        self.story.text_sha256 == text_hash(text)
    }

    /// Binds the record to `text` (sets the hash). Call when the patient consents to this text.
    pub fn bind_to(&mut self, text: &str) {
        self.story.text_sha256 = text_hash(text);
    }

    /// The expiration date, when one is given and valid.
    pub fn expiration_date(&self) -> Option<IsoDate> {
        IsoDate::parse(&self.expiration.date).ok()
    }

    /// True when the consent has expired by `today` (valid through its expiration date).
    pub fn is_expired(&self, today: IsoDate) -> bool {
        self.expiration_date().is_some_and(|end| today > end)
    }

    /// Everything that makes this consent unusable for `text` on `today`: the
    /// [validation](ConsentRecord::validate) problems, a stale binding, a signature date in the
    /// future, and expiry.
    pub fn check(&self, text: &str, today: IsoDate) -> Vec<Problem> {
        let mut p = self.validate();
        if is_sha256_hex(&self.story.text_sha256) && !self.is_bound_to(text) {
            p.push(Problem::error(
                "story.text_sha256",
                "The text hash does not match: the text was changed after consent was recorded (consent is stale).",
            ));
        }
        if let Ok(signed) = IsoDate::parse(&self.signature.date) {
            if signed > today {
                p.push(Problem::error("signature.date", format!("The signature date {signed} is in the future (today is {today}).")));
            }
        }
        if let Some(end) = self.expiration_date() {
            if today > end {
                p.push(Problem::error("expiration.date", format!("Consent expired on {end} (today is {today}).")));
            }
        }
        p
    }

    /// Whether the consent covers sharing on `channel` (and, for social media, on `platform`,
    /// compared case-insensitively; `None` accepts the recorded platform).
    pub fn covers(&self, channel: Channel, platform: Option<&str>) -> Result<(), Problem> {
        let Some(consented) = self.recipient.channel else {
            return Err(Problem::error("recipient.channel", "The consent does not say where the story may be shared."));
        };
        if consented != channel {
            return Err(Problem::error(
                "recipient.channel",
                format!("Consent covers {}, not {}.", consented.label(), channel.label()),
            ));
        }
        if channel == Channel::SocialMedia {
            if let Some(want) = platform.map(str::trim).filter(|p| !p.is_empty()) {
                if !self.recipient.platform.trim().eq_ignore_ascii_case(want) {
                    return Err(Problem::error(
                        "recipient.platform",
                        format!("Consent covers the platform {:?}, not {:?}.", self.recipient.platform.trim(), want),
                    ));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A complete, valid record for the text `text` (synthetic).
    pub(crate) fn complete(text: &str) -> ConsentRecord {
        ConsentRecord {
            patient_pseudonym: "P-0c4f1a9e".into(),
            story: Story { description: "An account of the patient's recovery, written by their doctor.".into(), text_sha256: text_hash(text) },
            discloser: "The treating physician".into(),
            recipient: Recipient { channel: Some(Channel::OpEd), platform: String::new(), name: "A regional newspaper".into() },
            purpose: "To show readers what recovery from a long illness is like.".into(),
            expiration: Expiration { date: "2031-12-31".into(), event: String::new() },
            signature: Signature { date: "2026-11-02".into(), signed_by: Some(SignedBy::Patient), ..Default::default() },
            statements: Statements {
                right_to_revoke: true,
                revoke_how: "Write to the clinic's privacy officer.".into(),
                care_not_conditioned: true,
                redisclosure: true,
            },
            attestations: Attestations {
                seen_final_text: true,
                anonymity_not_guaranteed: true,
                may_be_recognized: true,
                online_worldwide: true,
                may_withdraw_until_publication: true,
                patient_deceased: false,
                next_of_kin_consented: false,
            },
            obtained: Obtained {
                method: Some(Method::Written),
                by: "The treating physician".into(),
                witness: String::new(),
                original_location: "The clinic's consent file".into(),
                attachment: None,
            },
        }
    }

    fn today() -> IsoDate {
        IsoDate::parse("2026-11-30").unwrap()
    }

    #[test]
    fn complete_record_has_no_problems() {
        let r = complete("story");
        assert_eq!(r.validate(), vec![]);
        assert_eq!(r.check("story", today()), vec![]);
    }

    #[test]
    fn empty_record_names_every_required_field() {
        let fields: Vec<String> = ConsentRecord::default().validate().into_iter().map(|p| p.field).collect();
        for want in [
            "patient_pseudonym",
            "story.description",
            "story.text_sha256",
            "discloser",
            "recipient.channel",
            "purpose",
            "expiration",
            "signature.date",
            "signature.signed_by",
            "statements.right_to_revoke",
            "statements.revoke_how",
            "statements.care_not_conditioned",
            "statements.redisclosure",
            "attestations.seen_final_text",
            "attestations.anonymity_not_guaranteed",
            "attestations.may_be_recognized",
            "attestations.online_worldwide",
            "attestations.may_withdraw_until_publication",
            "obtained.method",
            "obtained.by",
            "obtained.original_location",
        ] {
            assert!(fields.iter().any(|f| f == want), "no problem reported for {want}: {fields:?}");
        }
    }

    /// One edit to a complete record -> the field and a fragment of the message expected
    /// (`None`: the edit must leave the record valid).
    #[test]
    fn validation_table() {
        type Edit = fn(&mut ConsentRecord);
        let rows: &[(&str, Edit, Option<(&str, &str)>)] = &[
            ("blank purpose", |r| r.purpose = "  ".into(), Some(("purpose", "purpose"))),
            ("name as pseudonym", |r| r.patient_pseudonym = "Ana Ruiz".into(), Some(("patient_pseudonym", "must not be a name"))),
            ("record number as pseudonym", |r| r.patient_pseudonym = "00482913".into(), Some(("patient_pseudonym", "record number"))),
            ("short numeric pseudonym", |r| r.patient_pseudonym = "17".into(), None),
            ("bad hash", |r| r.story.text_sha256 = "abc".into(), Some(("story.text_sha256", "64 lowercase hex"))),
            ("social media without platform", |r| r.recipient.channel = Some(Channel::SocialMedia), Some(("recipient.platform", "platform"))),
            ("social media with platform", |r| {
                r.recipient.channel = Some(Channel::SocialMedia);
                r.recipient.platform = "Mastodon".into();
            }, None),
            ("journal without name", |r| {
                r.recipient.channel = Some(Channel::JournalCaseReport);
                r.recipient.name.clear();
            }, Some(("recipient.name", "journal"))),
            ("other without description", |r| {
                r.recipient.channel = Some(Channel::Other);
                r.recipient.name.clear();
            }, Some(("recipient.name", "Describe"))),
            ("talk without venue", |r| {
                r.recipient.channel = Some(Channel::Talk);
                r.recipient.name.clear();
            }, None),
            ("no expiration", |r| r.expiration = Expiration::default(), Some(("expiration", "expiration date or an expiration event"))),
            ("event only", |r| r.expiration = Expiration { date: String::new(), event: "Publication plus one year".into() }, None),
            ("bad expiration date", |r| r.expiration.date = "31/12/2031".into(), Some(("expiration.date", "YYYY-MM-DD"))),
            ("expires before signed", |r| r.expiration.date = "2026-01-01".into(), Some(("expiration.date", "before the signature date"))),
            ("impossible signature date", |r| r.signature.date = "2026-02-30".into(), Some(("signature.date", "has no day 30"))),
            ("representative without name", |r| {
                r.signature.signed_by = Some(SignedBy::PersonalRepresentative);
                r.signature.representative_authority = "Parent of a minor".into();
            }, Some(("signature.representative_name", "representative's name"))),
            ("representative without authority", |r| {
                r.signature.signed_by = Some(SignedBy::PersonalRepresentative);
                r.signature.representative_name = "The patient's mother".into();
            }, Some(("signature.representative_authority", "authority"))),
            ("deceased, patient signs", |r| {
                r.attestations.patient_deceased = true;
                r.attestations.next_of_kin_consented = true;
            }, Some(("signature.signed_by", "has died"))),
            ("deceased, kin not confirmed", |r| {
                r.attestations.patient_deceased = true;
                r.signature.signed_by = Some(SignedBy::PersonalRepresentative);
                r.signature.representative_name = "The patient's son".into();
                r.signature.representative_authority = "Next of kin".into();
            }, Some(("attestations.next_of_kin_consented", "next of kin"))),
            ("deceased, complete", |r| {
                r.attestations.patient_deceased = true;
                r.attestations.next_of_kin_consented = true;
                r.signature.signed_by = Some(SignedBy::PersonalRepresentative);
                r.signature.representative_name = "The patient's son".into();
                r.signature.representative_authority = "Next of kin".into();
            }, None),
            ("no revoke how", |r| r.statements.revoke_how.clear(), Some(("statements.revoke_how", "how to revoke"))),
            ("care conditioned", |r| r.statements.care_not_conditioned = false, Some(("statements.care_not_conditioned", "care does not depend"))),
            ("redisclosure not told", |r| r.statements.redisclosure = false, Some(("statements.redisclosure", "redisclosed"))),
            ("final text not seen", |r| r.attestations.seen_final_text = false, Some(("attestations.seen_final_text", "final text"))),
            ("recognition not understood", |r| r.attestations.may_be_recognized = false, Some(("attestations.may_be_recognized", "recognize"))),
            ("verbal without witness", |r| r.obtained.method = Some(Method::VerbalWitnessed), Some(("obtained.witness", "witness"))),
            ("verbal with witness", |r| {
                r.obtained.method = Some(Method::VerbalWitnessed);
                r.obtained.witness = "The ward nurse".into();
            }, None),
            ("no original location", |r| r.obtained.original_location.clear(), Some(("obtained.original_location", "kept"))),
            ("empty attachment", |r| r.obtained.attachment = Some(Attachment::default()), Some(("obtained.attachment", "empty"))),
        ];
        for (what, edit, want) in rows {
            let mut r = complete("story");
            edit(&mut r);
            let errors: Vec<Problem> = r.validate().into_iter().filter(Problem::is_error).collect();
            match want {
                None => assert!(errors.is_empty(), "{what}: unexpected {errors:?}"),
                Some((field, frag)) => {
                    assert!(
                        errors.iter().any(|p| p.field == *field && p.message.to_lowercase().contains(&frag.to_lowercase())),
                        "{what}: want an error on {field} mentioning {frag:?}, got {errors:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn event_only_expiration_is_a_warning() {
        let mut r = complete("story");
        r.expiration = Expiration { date: String::new(), event: "End of the teaching course".into() };
        let problems = r.validate();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].severity, Severity::Warning);
        assert!(!r.is_expired(IsoDate::parse("2099-01-01").unwrap()));
    }

    #[test]
    fn expiry_table() {
        // expiration date, today, expired?
        let rows = [
            ("2030-06-30", "2030-06-29", false),
            ("2030-06-30", "2030-06-30", false),
            ("2030-06-30", "2030-07-01", true),
            ("2030-06-30", "2031-01-01", true),
        ];
        for (end, today, expired) in rows {
            let mut r = complete("t");
            r.expiration.date = end.into();
            r.signature.date = "2026-01-01".into();
            let today = IsoDate::parse(today).unwrap();
            assert_eq!(r.is_expired(today), expired, "{end} on {today}");
            let flagged = r.check("t", today).iter().any(|p| p.field == "expiration.date" && p.message.contains("expired"));
            assert_eq!(flagged, expired, "{end} on {today}");
        }
    }

    #[test]
    fn stale_binding_and_future_signature() {
        let r = complete("the consented text");
        assert!(r.is_bound_to("the consented text"));
        assert!(!r.is_bound_to("the consented text."));
        let p = r.check("the consented text.", today());
        assert!(p.iter().any(|p| p.field == "story.text_sha256" && p.message.contains("does not match")), "{p:?}");
        let p = r.check("the consented text", IsoDate::parse("2026-11-01").unwrap());
        assert!(p.iter().any(|p| p.field == "signature.date" && p.message.contains("future")), "{p:?}");
        let mut r = r;
        r.bind_to("new text");
        assert!(r.is_bound_to("new text"));
    }

    #[test]
    fn channel_coverage_table() {
        // consented channel, platform, requested channel, requested platform, covered?
        let rows: &[(Channel, &str, Channel, Option<&str>, bool)] = &[
            (Channel::OpEd, "", Channel::OpEd, None, true),
            (Channel::OpEd, "", Channel::SocialMedia, None, false),
            (Channel::SocialMedia, "Mastodon", Channel::SocialMedia, None, true),
            (Channel::SocialMedia, "Mastodon", Channel::SocialMedia, Some("mastodon"), true),
            (Channel::SocialMedia, "Mastodon", Channel::SocialMedia, Some("Bluesky"), false),
            (Channel::SocialMedia, "Mastodon", Channel::SocialMedia, Some(" "), true),
            (Channel::Teaching, "", Channel::JournalCaseReport, None, false),
            (Channel::JournalCaseReport, "", Channel::Teaching, None, false),
        ];
        for &(consented, platform, channel, want_platform, covered) in rows {
            let mut r = complete("t");
            r.recipient.channel = Some(consented);
            r.recipient.platform = platform.into();
            assert_eq!(r.covers(channel, want_platform).is_ok(), covered, "{consented:?}/{platform} for {channel:?}/{want_platform:?}");
        }
        let mut r = complete("t");
        r.recipient.channel = None;
        assert!(r.covers(Channel::OpEd, None).is_err());
    }

    #[test]
    fn channel_codes_round_trip() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.code()), Some(c));
            assert_eq!(serde_json::to_value(c).unwrap(), serde_json::Value::String(c.code().into()));
        }
        assert_eq!(Channel::parse("tv"), None);
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let mut v = serde_json::to_value(complete("t")).unwrap();
        v["signature"]["seal"] = serde_json::json!("x");
        let e = serde_json::from_value::<ConsentRecord>(v).unwrap_err().to_string();
        assert!(e.contains("seal"), "{e}");
    }

    #[test]
    fn pseudonym_is_short_and_stable() {
        let p = pseudonym_from(b"seed");
        assert_eq!(p.len(), 10);
        assert!(p.starts_with("P-"));
        assert_eq!(p, pseudonym_from(b"seed"));
        assert_ne!(p, pseudonym_from(b"other seed"));
    }
}
