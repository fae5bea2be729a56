//! Words that look like names but are not, in the sense they are used: eponyms (Parkinson's,
//! Foley, Apgar), drug and brand names, generic institutions (Medicare, the CDC, the VA), months and
//! weekdays, and the function words that never start a name.
//!
//! A trap word is never flagged on dictionary or shape evidence alone. Strong context still wins:
//! "Dr. Foley" is a person, "a Foley catheter" is not.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A fast hasher for short words (FxHash-style multiply-rotate); not for untrusted keys at scale.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

/// A `HashSet`/`HashMap` hasher builder using [`WordHasher`].
pub type FastHash = BuildHasherDefault<WordHasher>;

/// A small set of lowercase words, built once on first use.
pub type WordSet = LazyLock<HashSet<&'static str, FastHash>>;

fn set(words: &'static str) -> HashSet<&'static str, FastHash> {
    words.split_whitespace().collect()
}

/// Eponyms of diseases, signs, scores, devices and procedures.
pub static EPONYMS: WordSet = LazyLock::new(|| {
    set("parkinson parkinsons parkinsonism bell bells foley apgar   whipple cheyne stokes alzheimer alzheimers crohn crohns \
         hodgkin hodgkins cushing cushings    hashimoto hashimotos raynaud raynauds tourette tourettes \
         guillain barre   kaposi babinski glasgow swan ganz hickman broviac groshong wernicke korsakoff \
         gehrig asperger aspergers munchausen marfan ehlers danlos  klinefelter sjogren sjogrens fowler fowlers reiter wegener kawasaki \
         paget pagets meniere menieres peyronie tay sachs epstein barr heimlich trendelenburg     \
         kussmaul korotkoff doppler holter    pratt penrose pleurevac yankauer ambu dobhoff sengstaken \
         blakemore coude posey gram romberg gleason breslow mallampati killip pugh ranson braden   \
            osler nissen billroth roux   whipples murphys rovsing mcburney chvostek trousseau \
         virchow virchows horner horners brudzinski kernig lachman tinel phalen   valsalva   \
         wolff  mobitz wenckebach brugada    burkitt burkitts ewing ewings wilms   \
         bence zollinger   conns     boerhaave zenker zenkers meckel meckels \
         hirschsprung   colles  monteggia galeazzi  hangman chiari    bartholin \
         skene graafian fallopian eustachian purkinje schwann langerhans kupffer  henle golgi broca brocas wernickes \
         sylvian   pap papanicolaou gomori ziehl neelsen  giemsa coombs coombs widal tzanck  rinne \
         snellen ishihara mantoux heaf kveim schilling kleihauer betke  bayley wechsler  binet rorschach \
            folstein karnofsky lansky ecog nyha    apache glasgows  waterlow  \
              dubowitz  finnegan    caprini  chads chadsvasc \
         hasbled framingham parkland       nexus centor mcisaac alvarado mantrels rockall blatchford \
          child-pugh meld ranson ransons balthazar    sofa qsofa curb psi port \
         fallot fallots fournier fourniers langhans")
});

/// Drug, device and supply brand names and generic drug names often capitalized in notes.
pub static DRUGS: WordSet = LazyLock::new(|| {
    set("lasix coumadin warfarin tylenol advil motrin ativan versed haldol zofran protonix lopressor levophed vasotec zosyn \
         flagyl cipro keflex lipitor plavix eliquis xarelto humira ozempic wegovy narcan suboxone xanax valium ambien prozac \
         zoloft lexapro celexa wellbutrin seroquel risperdal depakote keppra dilantin tegretol neurontin lyrica percocet \
         vicodin dilaudid oxycontin fentanyl duragesic benadryl claritin zyrtec flonase albuterol ventolin atrovent combivent \
         flovent advair spiriva singulair prednisone solumedrol medrol decadron synthroid lantus humalog novolog metformin \
         glucophage januvia jardiance farxiga entresto digoxin lanoxin cardizem norvasc zestril prinivil toprol coreg \
         aldactone bumex kayexalate carafate reglan colace senna dulcolax miralax imodium pepcid zantac nexium prilosec \
         heparin lovenox integrilin aggrastat nitro nitroglycerin milrinone primacor dobutamine dopamine neo neosynephrine \
         vasopressin propofol diprivan precedex cerebyx vancomycin vanco zyvox unasyn augmentin rocephin bactrim diflucan \
         tamiflu paxlovid gelfoam duoderm tegaderm xeroform betadine hibiclens destin desitin boost ensure glucerna jevity \
         nepro osmolite pulmocare promote impact peptamen vivonex portex shiley passy muir bipap cpap vapotherm optiflow \
         ativan morphine dilaudid demerol toradol ketorolac tramadol ultram norco robaxin flexeril soma mucomyst mucomist \
         mycostatin nystatin diflucan levaquin levofloxacin levoflox ceftriaxone cefepime zithromax azithromycin doxycycline \
         amoxicillin penicillin insulin humulin novolin levemir tresiba trulicity victoza mounjaro zepbound metoprolol \
         lisinopril amlodipine atorvastatin simvastatin crestor zocor pravachol losartan cozaar diovan hydralazine \
         labetalol clonidine catapres captopril nipride nitropress amiodarone cordarone pacerone lidocaine xylocaine \
         procainamide adenosine adenocard atropine epinephrine epi adrenalin levophed norepinephrine phenylephrine \
         vecuronium rocuronium succinylcholine etomidate ketamine versed midazolam lorazepam diazepam haloperidol \
         olanzapine zyprexa quetiapine abilify aripiprazole lithium lamictal lamotrigine topamax topiramate depakene \
         ciprofloxacin bactrim septra macrobid nitrofurantoin keflex cephalexin clindamycin cleocin gentamicin tobramycin \
         meropenem merrem imipenem primaxin aztreonam azactam linezolid daptomycin cubicin fluconazole voriconazole \
         acyclovir zovirax valtrex ganciclovir foscarnet tylenol acetaminophen ibuprofen aspirin asa naproxen aleve \
         excedrin sudafed mucinex robitussin nyquil dayquil pedialyte gatorade epipen inhaler nebulizer proventil \
         xopenex pulmicort symbicort dulera breo anoro trelegy incruse qvar alvesco asmanex arnuity dexamethasone \
         methylprednisolone hydrocortisone solucortef florinef fludrocortisone kcl potassium magnesium calcium \
         sodium bicarb bicarbonate dextrose saline ringer ringers lactated albumin plasmanate hespan hextend \
         prbc ffp cryo platelets tpn ppn lipids intralipid clinimix kabiven smoflipid")
});

/// Clinical shorthand and abbreviations that a word list of everyday English lacks ("Levo",
/// "Crit", "Brady", "Trach"): never a name on dictionary or shape evidence.
pub static MEDICAL: WordSet = LazyLock::new(|| {
    set("levo crit hct hgb wbc plt plts inr ptt pt/inr brady tachy afib a-fib aflutter pacer paced pacing temp temps \
         trach trachs fent fentanyl floro fluoro vanco amio neo dopa dobut nitro precedex prop ceftaz zosyn flagyl cipro \
         sats sat lytes coags chem chems bili lfts abg abgs vbg cbc bmp cmp ua ucx bcx cx dx hx rx tx sx fx abx \
         reg ins gtt gtts min max mins ve vt fio peep cpap simv ps ac prvc imv mmv hfov bipap nc nrb fm neb nebs \
         mdi mdis po pr iv im sq sc sl ng ngt og ogt peg picc tlc cvl aline a-line swan pa pap cvp pcwp svr co ci \
         ef lvef ekg ecg echo tte tee cxr kub ct cta mri mra us eeg emg lp bm bms uop u/o foley ostomy jp hemovac \
         mae perrla perl perrl ox oob obt hob rom prom arom le ue rle lle rue lue bue ble rll lll rul lul rml \
         lmca lad lcx rca pda om diag cabg pci ptca ptcs stent stents cath caths iabp ivc svc lv rv la ra av mv tv \
         mr tr ar as ms ps pvc pvcs pac pacs vea svt vt vf nsr sr st sb afib chf copd cad htn dm niddm iddm cri crf \
         esrd arf ckd aki uti uri dvt pe gib ugib lgib sbo cva tia sah sdh ich mi nstemi stemi acs ards sirs \
         dnr dni cmo fc hcp prn qd bid tid qid qhs qam qpm hs ac pc npo ivf ns lr d5w d5 kcl kphos mgso cacl \
         nahco hco bicarb ssi riss ss fs bs fsbs glu bun cr creat alb tsh ldh ck cpk trop tropo bnp lactate \
         mso ms04 mso4 dilaud ativ hep lasix lopress labet hydral diltiaz digox solu prbc prbcs ffp plts cryo \
         resp neuro cardio gi gu id heme onc endo psych skin social dispo access lines wounds ivs renal pulm \
         tele telemetry cont con't contd cont'd d/c dc'd d/c'd s/p w/ w/o c/o r/o f/u h/o b/l n/v \
         pmicu ccu nsicu csru sicu micu vicu ctic bb wnl nad aox aaox ox3 nkda nka etoh tob ivdu \
         rrt rt ot slp pt's pts sw cm np pa rn md mds md's np's ho hos intern resident attending fellow \
         quinton hickman portacath port-a-cath mediport permacath vascath trialysis shiley portex passy muir \
         yankauer ambu dobhoff salem sump kangaroo bair hugger kinair bariair triadyne rotoprone clinitron \
         lido lidocaine lente lenti crea sternal mediastinal aloe vesta rad stas sang drng dng eps junctional \
         midnoc ortho cards uro surg nephro rheum plastics optho ctsurg angio angiography derm derms cv ent hd meds ophthalmology opthamology ophtho liver raf pcu mciu \
         tcu carevue careview code fe sa na ca mg ceo overnoc noc occ freq bka aka cordis lumen lis introducer weiss mallory fib flutter aureus epidermidis pneumoniae coli difficile faecalis \
         faecium pyogenes agalactiae aeruginosa marcescens cloacae viridans albicans glabrata maltophilia \
         baumannii influenzae mirabilis cepacia \
         ted teds scd scds venodyne flexiseal rectal tube xeroform xerofoam aquacel mepilex allevyn duoderm \
         staphylococcus streptococcus enterococcus pseudomonas klebsiella escherichia enterobacter serratia \
         acinetobacter stenotrophomonas proteus candida aspergillus clostridium clostridioides listeria \
         burkholderia haemophilus neisseria legionella mycoplasma chlamydia salmonella shigella campylobacter \
         helicobacter bacteroides citrobacter morganella moraxella nocardia cryptococcus pneumocystis \
         creatinine creatine hematocrit hemoglobin platelets albumin potassium sodium magnesium calcium \
         phos phosphorus chloride troponin maalox mylanta tums med-surg medsurg")
});

/// Languages, nationalities and vehicle makes: capitalized, sometimes listed as names, never a
/// person here ("in English", "a silver Chevy").
pub static NOT_NAMES: WordSet = LazyLock::new(|| {
    set("english spanish french german dutch arabic chinese mandarin cantonese vietnamese korean japanese hindi urdu \
         bengali punjabi tagalog filipino somali amharic tigrinya oromo yoruba igbo hausa swahili zulu xhosa twi \
         portuguese russian polish ukrainian italian greek turkish farsi persian dari pashto hebrew haitian creole \
         kreyol indonesian malay thai lao khmer hmong burmese nepali tamil telugu kannada malayalam gujarati marathi \
         iranian iraqi afghan syrian lebanese egyptian moroccan ethiopian eritrean nigerian ghanaian kenyan \
         jamaican cuban dominican puerto rican salvadoran guatemalan honduran colombian venezuelan peruvian \
         brazilian irish scottish welsh british navajo lakota dakota ojibwe samoan tongan hawaiian tibetan cambodian laotian \
         armenian bosnian albanian romanian congolese sudanese kurdish uyghur jewish muslim christian catholic protestant buddhist hindu sikh \
         american african asian european latino latina latinx hispanic caucasian native indian mexican canadian \
         chevy chevrolet toyota honda nissan hyundai kia subaru mazda volkswagen bmw mercedes audi lexus tesla jeep \
         dodge chrysler buick cadillac gmc volvo camry corolla civic accord altima malibu impala silverado tahoe \
         prius sentra elantra sonata outback explorer escape ranger wrangler cherokee \
         para por con los las una uno en \
         oma opa omi oupa ouma tata papai mamae manman \
         gaelic ilocano ilokano cebuano visayan bisaya hiligaynon ilonggo kapampangan chavacano sorani kurmanji \
         balochi sindhi sinhala sinhalese dzongkha tajik uzbek kazakh kyrgyz turkmen azeri azerbaijani georgian \
         chechen tatar mongolian yiddish aramaic assyrian chaldean coptic tamazight kabyle wolof \
         fula fulani pulaar mandinka bambara lingala kikongo kinyarwanda kirundi luganda acholi dinka nuer \
         ndebele sesotho setswana afrikaans malagasy marshallese chuukese palauan fijian maori tahitian \
         quechua aymara guarani mixtec zapotec nahuatl kiche qanjobal garifuna hopi yupik inupiaq \
         yemeni saudi omani emirati qatari kuwaiti jordanian palestinian israeli libyan tunisian algerian \
         djiboutian rwandan burundian ugandan tanzanian zambian zimbabwean malawian mozambican angolan namibian \
         senegalese gambian liberian ivorian togolese beninese malian chadian cameroonian bhutanese nepalese \
         bangladeshi pakistani lankan maldivian belarusian moldovan lithuanian latvian estonian finnish swedish \
         norwegian danish icelandic czech slovak slovenian croatian serbian montenegrin macedonian bulgarian \
         hungarian austrian swiss belgian maltese cypriot chilean argentine argentinian uruguayan paraguayan \
         bolivian ecuadorian panamanian nicaraguan belizean bahamian barbadian trinidadian guyanese surinamese \
         taiwanese singaporean malaysian \
         god allah buddha shabbat sabbath ramadan eid diwali passover hanukkah \
         chanukah kippur torah quran koran bible psalm psalms gospel hajj nowruz norouz vaisakhi frisian \
         songkran chuseok vesak holi onam pongal navratri dussehra obon nyepi")
});

/// Words that an English word list holds but that are, capitalized in a story, almost always a
/// person's name ("maria" is the plural of "mare", "john" is slang): not treated as common words.
pub static NAME_LIKE: WordSet = LazyLock::new(|| {
    set("maria marie lee john jane joan ann anne jean dan ken kim lou roy tim tom nan jim joe bob sam max \
         ali omar fatima ahmed amir jose juan luis carlos pablo rosa lucia elena ana julia nina tina gina \
         ivan igor olga vera lena ida ada eva hana yuki kenji hiro jin min hung lan mai linh")
});

/// Generic institutions, agencies and programmes: they locate no one.
pub static INSTITUTIONS: WordSet = LazyLock::new(|| {
    set("medicare medicaid cdc va nhs fda nih who cms ssa ssi ssdi hhs ems osha fema hud wic snap tanf chip aca hipaa \
         aarp aa na nami samhsa ihs tricare obamacare medi-cal ama aha ada acs \
         ymca ywca usps irs dmv ice uscis dhs cps aps dcf dss dfcs epic cerner mychart google facebook instagram twitter \
         tiktok youtube whatsapp gofundme amazon uber lyft zoom facetime skype \
         bluesky mastodon reddit linkedin snapchat tumblr pinterest substack venmo cashapp paypal zelle")
});

/// Months and weekdays (full and abbreviated): names only with clear name context ("her
/// daughter June"), dates otherwise.
pub static CALENDAR: WordSet = LazyLock::new(|| {
    set("january february march april may june july august september october november december \
         jan feb mar apr jun jul aug sep sept oct nov dec \
         monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun \
         christmas easter thanksgiving ramadan eid diwali hanukkah passover yom kippur lent advent halloween")
});

/// Function words, pronouns, auxiliaries and note fillers: never part of a name.
pub static FUNCTION: WordSet = LazyLock::new(|| {
    set("a an the and or but nor so yet for of in on at to from by with without within into onto upon about above below \
         over under after before during since until till via per vs than then as if when while where who whom whose which \
         what why how that this these those there here it its it's he she they them their theirs his her hers him we us our \
         you your i me my mine is are was were be been being am has have had having do does did done will would shall \
         should can could may might must not no yes also just only very too more most less least all any some each every \
         both either neither other another such own same few many much one two three four five six seven eight nine ten \
         first second third last next new old well up down out off again further once now still already always never \
         ever today tonight tomorrow yesterday am pm aware called came went left saw seen said says told asked stated \
         reports reported spoke speak talked states notified updated paged informed visited visit visiting in to \
         re: dear hi hello thanks thank love sincerely regards cc attn note notes \
         given gave see seen able early late free leave need needs needed begin began awaiting prev poss \
         re email per")
});

/// The grammatical words of running prose: articles, pronouns, auxiliaries, prepositions and
/// conjunctions (what a story has and telegraphic notes drop).
pub const GRAMMAR: &str = "a an the and or but nor so if that this these those of in on at to from by with about into \
    after before for as than then when while because although though until since who whom whose which what \
    it its he she they them their his her him we us our you your i me my is are was were be been being am has \
    have had do does did will would could should can might must not no never there";

/// Hospital units, services and generic care settings: not the name of a place.
pub static UNITS: WordSet = LazyLock::new(|| {
    set("icu micu sicu ccu csru nicu picu pmicu cvicu tsicu ctsicu vicu neuro nsicu ed er ew or pacu ir ct mri cath lab labs floor \
         rehab home hospice unit units ward wards osh snf ltac ltach acute step stepdown radiology echo dialysis surgery \
         bed room us ob gyn l&d nursery clinic hospital hosp facility facilities center pcp md rn np pa ems er's icu's \
         outside local another other same community previous prior referring state general this that our your his her \
         their a an the any psychiatric psych medical surgical cardiac cardiology pulmonary pulm oncology onc \
         nursing house hotel shelter jail prison work school church home's inpatient outpatient behavioral behavioural spiritual pastoral emergency main city county university ambulance medflight helicopter car bus taxi")
});

/// Medical nouns that make the word before them an eponym: "Bell's palsy", "Foley catheter".
pub static EPONYM_HEADS: WordSet = LazyLock::new(|| {
    set("disease diseases syndrome syndromes sign signs palsy catheter cath tube tubes score scale scales test tests \
         procedure operation repair fracture cyst disorder phenomenon reflex maneuver manoeuvre respiration \
         respirations breathing sarcoma lymphoma tumor tumour ulcer ulcers node nodes triad criteria classification \
         position bag drain drains line lines mask valve fistula anastomosis dementia chorea angina palsies")
});

/// True when a lowercase word is a trap of any kind (eponym, drug, institution, calendar word).
pub fn is_trap(lower: &str) -> bool {
    let w = lower.strip_suffix("'s").unwrap_or(lower);
    EPONYMS.contains(w) || DRUGS.contains(w) || INSTITUTIONS.contains(w) || CALENDAR.contains(w) || MEDICAL.contains(w) || NOT_NAMES.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trap_table() {
        let rows = [
            ("parkinson's", true),
            ("foley", true),
            ("apgar", true),
            ("whipple", true),
            ("lasix", true),
            ("medicare", true),
            ("cdc", true),
            ("may", true),
            ("sunday", true),
            ("rosa", false),
            ("okafor", false),
        ];
        for (w, want) in rows {
            assert_eq!(is_trap(w), want, "{w}");
        }
    }
}
