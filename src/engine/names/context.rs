//! Context: the words around a name that say "a person's name comes next" (or "came before").
//!
//! - titles: "Dr. ___", "Mrs ___", "Prof. ___" (the strongest cue: almost anything after a title
//!   that is not a function word is a name, even "Dr. Small" or "Dr. King");
//! - kinship and role words: "her son ___", "my patient ___", "case manager ___",
//!   "caseworker ___", "proxy is ___";
//! - greetings and sign-offs: "Dear ___", "Hi ___", "Love, ___", "Sincerely, ___";
//! - credentials after a name, as in signature blocks: "___ ___, RN", "___ A. ___ RRT";
//! - transfer verbs before a place of care: "transferred to ___", "admitted from ___".

use std::collections::HashSet;
use std::sync::LazyLock;

use super::traps::{FastHash, WordSet};

fn set(words: &'static str) -> HashSet<&'static str, FastHash> {
    words.split_whitespace().collect()
}

/// Titles and honorifics (lowercase, without the final period).
pub static TITLES: WordSet = LazyLock::new(|| {
    set("dr drs dr's doctor mr mrs ms miss mx mister madam madame prof professor rev reverend fr father pastor \
         imam rabbi sr sister nurse mme mlle sra sr señora señor senora senor dona doña don sgt officer judge \
         attorney councilman councilwoman senator rep hon capt captain lt col gen major mayor coach auntie uncle \
         aunt grandma grandpa nana abuela abuelo tia tio baba mama mzee tita tito kuya lolo lola manang manong \
         ninang ninong pere padre sheikh shaykh rav reb \
         tata papai mamae khun yai nonna nonno babcia dziadek bubbe zayde jiddo teta sitti halmoni harabeoji \
         obaachan ojiichan thatha paati")
});

/// Kinship and role words that a name often follows ("son Bill", "patient Rosa").
pub static KIN: WordSet = LazyLock::new(|| {
    set("son sons daughter daughters dtr dtrs wife husband spouse partner fiance fiancee boyfriend girlfriend \
         mother mom mum mommy mama father dad daddy papa parent parents brother brothers bro sister sisters sis \
         sibling siblings sib sibs niece nieces nephew nephews cousin cousins aunt aunts uncle uncles grandson granddaughter grandaughter \
         grandchild grandchildren grandmother grandfather grandma grandpa granny stepson stepdaughter stepmother \
         stepfather stepdad stepmom stepbrother stepsister aunty step-daughter step-son daughter-in-law son-in-law sister-in-law brother-in-law mother-in-law \
         father-in-law dtr-in-law friend friends neighbor neighbour roommate landlord boss coworker co-worker \
         colleague caregiver caretaker guardian proxy hcp spokesperson interpreter translator chaplain \
         guardian proxy hcp spokesperson named called nicknamed call calls sponsor mentor godmother godfather godson \
         goddaughter nickname nicknames baby infant twin twins kid kids child children boy girl ex preceptor \
         oma opa omi oupa ouma gran")
});

/// Roles a name often follows ("patient Rosa", "case manager Helen", "NP Carol"): weaker than
/// kinship in notes typed without capitals, so a common word after them is not taken as a name.
pub static ROLES: WordSet = LazyLock::new(|| {
    set("patient pt client resident caseworker worker manager coordinator advocate counselor counsellor therapist \
         nurse np pa rn lpn cna aide midwife doula intern fellow attending surgeon physician provider pcp \
         oncologist cardiologist neurologist psychiatrist psychologist pharmacist dietitian nutritionist \
         teacher principal pastor priest coach officer detective deputy sheriff lawyer attorney sitter mgr interp \
         sw cm student md")
});

/// Greetings and sign-offs after which a name follows.
pub static GREETINGS: WordSet = LazyLock::new(|| {
    set("dear hi hello hey thanks thank love sincerely regards cheers xoxo warmly respectfully cordially")
});

/// Credentials that close a signature ("Jean Hudson, RN").
pub static CREDENTIALS: WordSet = LazyLock::new(|| {
    set("rn rrt crt md np pa pa-c licsw lcsw msw lsw phd do lpn cna bsn msn aprn crnp fnp dnp cnm pharmd rph \
         mph mba dpt slp ccc-slp rdn cde cdces emt paramedic mdiv esq jd facp facc facs frcp \
         mbbs mbchb dds dmd dvm mhs lmft lpc lcpc psyd edd rnc ccrn cen rnp apn otr cota")
});

/// Verbs (and verb-like note words) that take a place of care after "to", "from" or "at".
pub static TRANSFER_VERBS: WordSet = LazyLock::new(|| {
    set("transferred transfered transfer transfers trans tx'd txd tx admitted admit adm sent taken went go going \
         arrived arriving came discharged d/c'd dc'd discharge discharging returned return returning accepted screened \
         followed seen treated referred flown medflighted medflight transported brought moved presented presenting \
         readmitted rehabbed referral come comes coming arrival arrive arrives enroute en-route ems flight stayed staying lives living resides residing")
});

/// Prepositions that open a place after a transfer verb or on their own ("lives in ___").
pub static PLACE_PREPS: WordSet = LazyLock::new(|| set("to from at in near of by @"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_sets_table() {
        let rows: &[(&WordSet, &str, bool)] = &[
            (&TITLES, "dr", true),
            (&TITLES, "mrs", true),
            (&KIN, "daughter", true),
            (&ROLES, "caseworker", true),
            (&KIN, "sponsor", true),
            (&KIN, "the", false),
            (&CREDENTIALS, "rrt", true),
            (&CREDENTIALS, "aware", false),
            (&GREETINGS, "dear", true),
            (&TRANSFER_VERBS, "transferred", true),
        ];
        for &(s, w, want) in rows {
            assert_eq!(s.contains(w), want, "{w}");
        }
    }
}
