//! Table-driven tests of the whole name pipeline: names of every origin, and the traps.

use crate::engine::{default_engine, Category};

/// The text of every NAME, LOCATION or ORGANIZATION span found in `text`.
fn found(text: &str) -> Vec<&str> {
    default_engine()
        .scan(text)
        .into_iter()
        .filter(|s| matches!(s.category, Category::Name | Category::Location | Category::Organization))
        .map(|s| &text[s.start..s.end])
        .collect()
}

/// Asserts that every listed name is covered by some span.
fn assert_covered(text: &str, names: &[&str]) {
    let spans = default_engine().scan(text);
    for name in names {
        let s = text.find(name).unwrap_or_else(|| panic!("{name} not in {text}"));
        let e = s + name.len();
        let covered = text[s..e].char_indices().filter(|(_, c)| c.is_alphanumeric()).all(|(i, _)| spans.iter().any(|sp| sp.start <= s + i && s + i < sp.end));
        assert!(covered, "{name:?} leaked in {text:?}; found {:?}", found(text));
    }
}

#[test]
fn names_of_every_origin() {
    // (origin, sentence, names that must be covered). All names synthetic combinations.
    let rows: &[(&str, &str, &[&str])] = &[
        ("Yoruba", "My neighbour Oluwaseun Adeyemi drove me to the clinic.", &["Oluwaseun Adeyemi"]),
        ("Igbo", "Nnamdi Okafor, her nephew, stayed the night.", &["Nnamdi Okafor"]),
        ("Zulu", "Her daughter Thandiwe Dlamini translated for us.", &["Thandiwe Dlamini"]),
        ("Akan", "I am writing about Kwame Asante, who was discharged too early.", &["Kwame Asante"]),
        ("Somali", "Hodan Abdi Warsame brought her son Abdirahman to every visit.", &["Hodan Abdi Warsame", "Abdirahman"]),
        ("Turkish", "Dr. Mehmet Yılmaz explained the scan to Ayşe Öztürk.", &["Mehmet Yılmaz", "Ayşe Öztürk"]),
        ("Vietnamese", "Nguyen Thi Lan lives with her grandson Bao.", &["Nguyen Thi Lan", "Bao"]),
        ("Chinese", "Her husband Wei Zhang asked for an interpreter.", &["Wei Zhang"]),
        ("Korean", "Mrs. Park Sung-ho and her daughter Min-jung arrived.", &["Park Sung-ho", "Min-jung"]),
        ("Indian", "Venkataraman Subramaniam and his wife Lakshmi were there.", &["Venkataraman Subramaniam", "Lakshmi"]),
        ("Arabic", "Her brother Yusuf al-Rashid signed the form.", &["Yusuf al-Rashid"]),
        ("Hispanic", "We called Joaquín Alvarez Mejía and his sister Daniela.", &["Joaquín Alvarez Mejía", "Daniela"]),
        ("Slavic", "Agnieszka Zielińska, the patient's niece, called.", &["Agnieszka Zielińska"]),
        ("Irish", "Siobhán O'Brien-Tremblay and Padraig were at the bedside.", &["Siobhán O'Brien-Tremblay", "Padraig"]),
        ("Dutch", "Dr. van Leeuwen saw him at noon.", &["van Leeuwen"]),
        ("unlisted", "Her son Tafadzwa Xolelwa came.", &["Tafadzwa Xolelwa"]),
        ("caps", "SPOKE WITH DAUGHTER PHILOMENA FOR CONSENT. DR KINN AWARE.", &["PHILOMENA", "KINN"]),
        ("lowercase", "pt's son bill called. dr healey in to talk w/pt.", &["bill", "healey"]),
        ("signature", "Resting comfortably.\nDAN A. FORMAN-LYONS, RRT", &["DAN A. FORMAN-LYONS"]),
        ("last-first", "Patient: ALVAREZ, ROSA M\nSeen today.", &["ALVAREZ, ROSA M"]),
        ("handle", "Follow @drcastellanos for updates.", &["@drcastellanos"]),
    ];
    for (origin, text, names) in rows {
        eprintln!("{origin}");
        assert_covered(text, names);
    }
}

#[test]
fn traps_stay_unflagged() {
    let rows: &[&str] = &[
        "She was diagnosed with Parkinson's disease in 2019.",
        "A Foley catheter was placed and Apgar scores were normal.",
        "He developed Bell's palsy after the infection.",
        "The Whipple procedure went well; Cheyne-Stokes respirations noted.",
        "Resp: Pt with Cheyne-Stokes pattern overnight. Hx: Mallory-Weiss tear 2018; an old Wolff-Parkinson-White diagnosis.",
        "She takes Lasix and Coumadin every morning.",
        "Medicare and Medicaid cover it; the CDC and the VA were informed; the NHS too.",
        "We met in May and again on Sunday in June.",
        "It was a moment of grace, and the price was high.",
        "pt resting in bed, no distress, small amount of blood noted.",
        "The hospital called and she went to the ICU.",
        // the slots where an English word may be a given name, with a word that is none
        "Thank you, Team, for everything this year.",
        "We called Security the next morning.",
        "Sodium was 134 when checked; Pain was 3 when she left.",
        // clinical shorthand joined by "and" to a verb, a contraction, a compound, a date
        "Attending notified and Bronch performed at the bedside.",
        "I don't recommend it, and I've helped write the policy.",
        "Follow-up was arranged; the check-in went well.",
        "We were sure that Jun 5 worked for everyone.",
        "The patient Portal was down and the nurse Station was busy; the patient Lasix dose was held.",
        "In the Fall shelter beds fill up; the shelter was full; the VA shelter program helped.",
        "Skin-lac applied; Endo-blood sent; Re-do planned; the Co-op closed on Sun, 5 May.",
        "PT WILL NOT DRIVE. COURT DATE MONDAY; SON TO DRIVE HIM.",
        // words for a parent or grandparent in other languages, as such
        // ("Tata" is still flagged where a listed first name would be: it is one)
        "It has been a year, and Papai still asks about him every day.",
        // languages, demonyms, feasts and weekdays in running prose
        "She speaks mostly Ilocano now, and her aide speaks only Kurmanji and a little Frisian.",
        "He is a Bhutanese-born man who lights candles for Nowruz and visits on Tuesdays.",
        "We asked her whether Shabbat and the Buddha mattered to her, and she smiled.",
        // a scripture, a parent's word in Haitian Creole, sentence openers that are no names
        "He asked me to read the 23rd Psalm in German, and I did my best for him.",
        "Manman is home now with us, and Manman's sister comes every day.",
        "Hope was the only thing we had left, and we all knew it.",
        // "new" opening no town
        "They moved from a new house to a new town and filled in the New Patient packet.",
    ];
    for text in rows {
        assert_eq!(found(text), Vec::<&str>::new(), "{text}");
    }
}

/// One row per leak or false positive fixed while tuning (synthetic texts of the same shape).
#[test]
fn regressions() {
    // (text, identifiers that must be covered)
    let leaks: &[(&str, &[&str])] = &[
        ("Everyone calls him Tunde, even his teachers.", &["Tunde"]),
        // a surname after a title, then the clock time of what was done (blind5)
        ("R IJ CVL PLACED BY DR OZTURK 0200, CXR CONFIRMED.", &["OZTURK"]),
        // a capitalized word right after a family noun, the sentence going on (blind5)
        ("Wife Malee fills pill box; granddaughter Ploy set a reminder on his phone.", &["Ploy"]),
        // one name before a credential, the sentence going on (blind5)
        ("Rabbi may visit, ok per pt.\nGiven by Pornthip RN to Tsosie RN", &["Pornthip", "Tsosie"]),
        ("LIVES IN PATERSON.\nYILMAZ NP IN @ 0500, AWARE OF K 5.9.", &["YILMAZ"]),
        // a surname or a word no list holds after a bedside role, in notes without case (blind5)
        ("PT ASKING FOR HER PRIEST. CHAPLAIN KOWALCZYK PAGED.", &["KOWALCZYK"]),
        ("pt speaks lao, video interp souksavanh used for neuro exam.", &["souksavanh"]),
        // a name after a social worker's, case manager's, student's or doctor's abbreviation
        ("PT WAS LIVING AT THE SHELTER. SW MCGRATH AWARE.", &["MCGRATH"]),
        ("Sgt. Dunleavy from state police at bedside, requested a statement.", &["Dunleavy"]),
        // a name after the kind of name it is, and a quoted name after "name is" (heldout, unseen)
        ("She asked us to document her preferred name, MaZungu, which the home had never used.", &["MaZungu"]),
        ("His daughter asked us to use his clan name, Mthembu, when greeting him.", &["Mthembu"]),
        ("PT TELLS ME HIS NAME IS \"TRINI\", CANNOT GIVE LAST NAME.", &["TRINI"]),
        // a quoted nickname between a given name and a surname; a name before an appositive
        ("When Geertruida \"Truus\" Bakker-Vos, ninety-five, was admitted to our ward", &["Geertruida", "Truus", "Bakker-Vos"]),
        ("VNA SKILLED NURSING VISIT Pt: Siriporn \"Nok\" Chaiyasit, 88 Larkin St apt 3R", &["Siriporn", "Nok", "Chaiyasit"]),
        ("Many of us were born elsewhere. Comfort, from Kumasi. Thandiwe trained in Bulawayo.", &["Comfort"]),
        ("He died at sunset.  Sterling, our unit secretary, asked me afterward.", &["Sterling"]),
        ("His son called from Poland at 0300, wants dr nowakowska to call him back.", &["nowakowska"]),
        ("WIFE MARILOU AND SON JUN-JUN IN AFTER SURGERY; her grandson Jun-Jun holding her hand.", &["JUN-JUN", "Jun-Jun"]),
        // a staff chat: a patient by the bed they are in, a colleague's patients, a name after
        // "tell"/"bring" or before "with" (blind3, blind5)
        ("[6:45 PM] kwabena: heads up seo in 11 is spiking again\n[6:46 PM] brit: is that the one\n[6:46 PM] kwabena: no thats kyriaki in 14\n[6:52 PM] kwabena: can someone take suresh's pts at 7", &["kyriaki", "suresh"]),
        ("jia: omg is it bad\nmei: is ling with him\njia: yeah\nmei: tell xiaoming he owes me a boba\njia: bring ji too", &["ling", "xiaoming"]),
        ("wound seen in rm 3 w/ rn jovana and student hevi. stage 4 sacral pi", &["jovana", "hevi"]),
        ("pcp dr lieberman. md warsame at bedside 0220. ct head neg.", &["lieberman", "warsame"]),
        ("DAUGHTER ROJDA IN TO VISIT. HILDEBRANDT (SW) PAGED AT 4-7718.", &["HILDEBRANDT"]),
        ("[WhatsApp: Dlamini family]\nNomsa: gogo is at the hospital since last night", &["Dlamini"]),
        ("We thank the Oyelaran family for sharing this.", &["Oyelaran"]),
        ("You cheated at dominoes, and you called me \"Tiny\" even after I got taller.", &["Tiny"]),
        ("Line placed by Dr. Wiśniewska 2330, tip at cavoatrial junction.", &["Wiśniewska"]),
        ("He asked me to call his sponsor, Rich, first.", &["Rich"]),
        ("Graduation day for baby Summer! Born early.", &["Summer"]),
        ("Ms. Many Horses asked me why.", &["Many Horses"]),
        ("His father, Khalid bin Saeed al-Harthi, stood by the bed.", &["Khalid bin Saeed al-Harthi"]),
        ("Mr. Pieter van der Berg, room 108, is 96.", &["Pieter van der Berg", "108"]),
        ("His license said DeShawn Whitley, 26.", &["DeShawn Whitley"]),
        ("Before that, the Garfield Avenue shelter.", &["Garfield Avenue shelter"]),
        ("The farm is 80 km out of Tarrengower, by road.", &["Tarrengower"]),
        ("She came on a motorbike from Hosakote village.", &["Hosakote"]),
        ("We billed Bill twice. Later, Bill said no. Then Bill smiled.", &["Bill"]),
        // single given names no list holds, found by the grammar around them (scripts/origins-eval.py)
        ("Two summers ago, Nyambura lost her place at the shelter.", &["Nyambura"]),
        ("Nyambura told me she was afraid of the bills.", &["Nyambura"]),
        // a text whose only capital is not ASCII has case all the same
        ("Özgür told me she had stopped taking the pills.", &["Özgür"]),
        // romanized given names of one syllable that are also English words, in the slots where
        // the sentence leaves no other reading
        ("My patient Bong asked me to tell her story.", &["Bong"]),
        ("Thank you, Kook, for letting me share this.", &["Kook"]),
        ("It was Woo who noticed the rash first.", &["Woo"]),
        ("Both Sub and her mother were worried about the cost.", &["Sub"]),
        ("We sat with Gun and her husband in the family room.", &["Gun"]),
        ("He told me that his manager Ito will fire him by Friday.", &["Ito"]),
        // after a family noun in a note without case, a short word before "called", "by phone", "in to"
        ("dtr gyu called, will visit tmrw.", &["gyu"]),
        ("SPOKE WITH SON GYU BY PHONE, QUESTIONS ANSWERED.", &["GYU"]),
        ("DAUGHTER GON IN TO VISIT, QUESTIONS ANSWERED.", &["GON"]),
        // a clock time after a surname is when, not a dose
        ("Pt released to custody officer Sgt. Dunleavy 0940.", &["Dunleavy"]),
        ("Ásta was 34 when the pain started.", &["Ásta"]),
        ("Zhaoxia was 61 when the cough began.", &["Zhaoxia"]),
        ("I visited Abebech on the ward twice.", &["Abebech"]),
        ("The residents admired Oyuntsetseg, who never missed a dose.", &["Oyuntsetseg"]),
        ("We sat with Oyuntsetseg and her son after the scan.", &["Oyuntsetseg"]),
        ("Thank you, Hope, for trusting us.", &["Hope"]),
        ("When Grace came home, the garden was dry.", &["Grace"]),
        ("Her son Bong called from the airport.", &["Bong"]),
        ("My patient Joy asked for the chaplain.", &["Joy"]),
        ("f/u w/ naledi (sister) re: plan.", &["naledi"]),
        ("CALLED THEMBEKA (DTR) WITH UPDATE.", &["THEMBEKA"]),
        ("mtg w/ tomasz (hcp) and sw re: placement.", &["tomasz"]),
        ("Her rabbi from Congregation Ohev Tzedek came, and the choir of Igreja Assembleia de Deus sang.", &["Congregation Ohev Tzedek", "Igreja Assembleia de Deus"]),
        ("SON ASKS THAT CHURCH OF THE LIVING WORD BE CALLED.", &["CHURCH OF THE LIVING WORD"]),
        ("He drove twenty years for Harborview Trucking, then cooked at the Silver Maple Diner.", &["Harborview Trucking", "Silver Maple Diner"]),
        ("[texts]\nwanjiru: is mum still on 5b\nmom: yes\nkalani: yes, moving tmrw\nwanjiru: ok\nkalani: ttyl", &["wanjiru", "kalani"]),
        ("After the move, Nyambura quietly returned to work.", &["Nyambura"]),
        // employers after a nursing credential, and with a word that also names a hospital unit
        ("She is an LPN at Brightview and visits on weekends.", &["Brightview"]),
        ("Her son is an RN at Kindred and asks good questions.", &["Kindred"]),
        ("Pt is a machinist at General Fabrication, eager to return.", &["General Fabrication"]),
        // streets named by a terrace, drive or court in notes without case
        ("PT LIVES ALONE ON WINTHROP TERRACE, 2ND FLOOR.", &["WINTHROP TERRACE"]),
        ("pt lives on okafor drive w/ wife", &["okafor drive"]),
        // a name after a grandparent's title in another language
        ("Nonna Graziella made the bread, and my dziadek Zbigniew Kowalczyk ate it.", &["Graziella", "Zbigniew Kowalczyk"]),
        // a capitalized word no list holds, mid-sentence in running prose
        ("Nobody had asked Dobromila what she wanted.", &["Dobromila"]),
        ("We named the fund after Ingibjörg.", &["Ingibjörg"]),
        ("Neither Teodozja nor her doctors expected that.", &["Teodozja"]),
        ("The nurses on that floor, especially Wanjugu and Senayt, sang with him every night.", &["Wanjugu", "Senayt"]),
        ("Nyambura had been living in a van since June.", &["Nyambura"]),
        // patients written surname first on a label's line or alone under a heading, or by bed
        ("DISCHARGE SUMMARY\nPatient: Korkmaz, Fatih   MRN: 00112233\nAdmit: 01/02/2024", &["Korkmaz, Fatih"]),
        ("CM NOTE\nPt: Figueiredo, Ana Clara  DOB 01/02/1960", &["Figueiredo, Ana Clara"]),
        ("PT Daily Note, Tues 6/18\nMcALLISTER, DESMOND\nPt seen bedside.", &["McALLISTER, DESMOND"]),
        ("NPN 7P-7A (TAMANG, BED 6)\nPT SLEPT WELL.", &["TAMANG"]),
        // a given name joined by "and" to a name found, in a list
        ("Prayer list:\n• Merry and Tobias Wainwright, as Tobias starts chemo", &["Merry", "Tobias Wainwright"]),
        // a particle opening the surname, a middle initial; a month that is a given name after a label
        ("CM NOTE\nPt: DELOS REYES, MARICEL T.   DOB 01/02/1950", &["DELOS REYES, MARICEL T"]),
        ("VISIT LOG\nStudent: Okafor, June  Gr 5  Time: 10:20", &["Okafor, June"]),
        // a child's age after is/was opening a note; a sibling by shorthand
        ("PEDS NOTE\nKaweh is a 14 mo M w/ RSV. Older sib Berivan, 6, at home.", &["Kaweh", "Berivan"]),
        // signatures after a dash; a place of care before its kind in brackets; lowercase mr
        ("ct head ordered. -hope", &["hope"]),
        ("wound cleansed, referred to wocn.\n-bernadette c., rn, cwocn", &["bernadette c"]),
        ("pt is 93 y/o f from maple hollow (alf), unwitnessed fall.", &["maple hollow"]),
        ("family requests a visit from mr yazzielowe. chaplain aware.", &["yazzielowe"]),
        // listed first names that are also English words or two letters long, capitalized
        // mid-sentence in prose; names opening a sentence before is/was or in the possessive
        ("Nobody had asked Frank what she wanted, and Jo never said.", &["Frank", "Jo"]),
        ("I asked Tak how she was sleeping, and she laughed at me.", &["Tak"]),
        ("I still think about Dainius every time I pass that corner.", &["Dainius"]),
        ("Sigurður was the first patient I lost, and I still grieve.", &["Sigurður"]),
        ("Marjeta's mother flew in from overseas to be with her.", &["Marjeta"]),
        // recall on text nobody tuned on (blind corpora): business and congregation heads, shortened
        // hospital and school names, saints with a numeral, camel-cased brands
        ("He hauls for Tidewater Reefer Lines and his wife cleans for Brisbane Masonry.", &["Tidewater Reefer Lines", "Brisbane Masonry"]),
        ("We worship at Living Waters Tabernacle; she retired from the Marlow Terminal.", &["Living Waters Tabernacle", "Marlow Terminal"]),
        ("Her cousin delivers the Kettle Falls Weekly Journal and drives for Blue Heron Ambulance.", &["Kettle Falls Weekly Journal", "Blue Heron Ambulance"]),
        ("He was a chaplain with the Jain Association of Greater Dayton for years.", &["Jain Association of Greater Dayton"]),
        ("Her surgery was at Dayton Medical and the baby went to Toledo Children's.", &["Dayton Medical", "Toledo Children's"]),
        ("She volunteers at St. Leo XIII every week.", &["St. Leo XIII"]),
        ("Our grandson is a freshman at UConn and loves it.", &["UConn"]),
        ("Mass is at Holy Redeemer Nursing & Rehab on Fridays.", &["Holy Redeemer Nursing & Rehab"]),
        ("The family attends First Tongan Methodist Church service on Sundays.", &["First Tongan Methodist Church"]),
        ("SON WORKS AT KAPADIA PLUMBING. PT IS FROM MAPLECREST NURSING HOME.", &["KAPADIA PLUMBING", "MAPLECREST NURSING HOME"]),
        ("PCP IS AT OSAGE BLUFF COMMUNITY HOSPITAL. CALLED HOLY SPIRIT ARMENIAN ORTHODOX.", &["OSAGE BLUFF COMMUNITY HOSPITAL"]),
        ("DTR WORKS NIGHTS AT ZENTRIXA, WILL CALL.", &["ZENTRIXA"]),
        ("pt fell at work (tashkent roofing). kids at dorchester high. son works at manila grocery.", &["tashkent roofing", "dorchester", "manila grocery"]),
        ("son is a grad student at wesleyan. imam from masjid al-furqan to visit. rehab at brightvale commons.", &["wesleyan", "masjid al-furqan", "brightvale commons"]),
        ("She runs the Pinecrest Home Care agency.", &["Pinecrest Home Care"]),
        // names in hashtags, surname-first labels, quoted nicknames, glosses, lowercase shorthand
        ("Surgery went well!! #TeamNomvula #NomvulaStrong #Pray4Nomvula", &["Nomvula"]),
        ("trending now: #ramonastrong lol", &["ramona"]),
        ("S: Okonkwo, 71 M, bed 9, POD 1.\nRm 4: Fernández, 38 F, appendicitis.", &["Okonkwo", "Fernández"]),
        ("ADMIT NOTE PT TSOSIE, MARVIN (0045521) FROM ED.", &["TSOSIE, MARVIN"]),
        ("Her neighbour \"Bitsy\" (Elizabeth Ormond) brings soup; he prefers to be called \"Honey\".", &["Bitsy", "Honey"]),
        ("WIFE MALGORZATA (\"GOSIA\") AT BEDSIDE. pt goes by \"jun\".", &["GOSIA", "jun"]),
        ("Tamsin (pt's sister) will call back. Ikaika (pt) says thanks.", &["Tamsin", "Ikaika"]),
        ("Their boys, Lwazi (7) and Sipho (4), stayed home. Marit, her favourite aide, sang.", &["Lwazi", "Sipho", "Marit"]),
        ("pt lives w/ dil thuy. 1:1 sitter khamphet overnight.", &["thuy", "khamphet"]),
        ("NSG NOTE\nPT VONGSAVATH REMAINS ON BIPAP. WIFE AT BEDSIDE.", &["VONGSAVATH"]),
        ("It was Maria who found him; it was Ayodele who called.", &["Maria", "Ayodele"]),
        ("Both Abebech and his wife came to the meeting.", &["Abebech"]),
        ("We framed Oyuntsetseg's drawing for the unit.", &["Oyuntsetseg"]),
        ("CP CONT. TAKEN TO LAUREL REGIONAL WHERE CK'S POS.", &["LAUREL REGIONAL"]),
        ("BELIEVE PATIENT WAS SCREENED BY HOLY CROSS REHAB TODAY.", &["HOLY CROSS REHAB"]),
        ("MILRINONE OFF AS PER W. KOWALCZYK. GU: GOOD U/O.", &["W. KOWALCZYK"]),
        ("ALL IS WELL AT THIS TIME. Q. LANDER RRT", &["Q. LANDER"]),
        ("skin: intact. Social: son bill called for update.", &["bill"]),
        ("TUBE MANIPULATED PER NP CAROL ORDERED LINES OUT.", &["CAROL"]),
        ("Hung Le called the clinic twice.", &["Hung Le"]),
        ("Jun Wu called the clinic twice.", &["Jun Wu"]),
        // a name no list holds, or a month abbreviation, as the subject of a verb after a clause opener
        ("We were grateful that Nomvula stayed with her.", &["Nomvula"]),
        ("I was relieved when Thu arrived with the papers.", &["Thu"]),
        // after a family noun in notes without case: a month abbreviation, a hyphenated given name,
        // and a family name no list holds or that is also shorthand
        ("pt's daughter jun called for update, questions answered.", &["jun"]),
        ("pt's daughter sung-ho called for update.", &["sung-ho"]),
        ("SON SIBUSISO KHUMALO AT BEDSIDE, UPDATED ON PLAN.", &["SIBUSISO KHUMALO"]),
        ("SON MAI DO AT BEDSIDE, UPDATED ON PLAN.", &["MAI DO"]),
        ("SON JI-HOON PARK AT BEDSIDE, UPDATED ON PLAN.", &["JI-HOON PARK"]),
        // a surname that is also a credential, written as a name
        ("Later that week Mai Do brought the paperwork back.", &["Mai Do"]),
        // a hyphenated given name whose parts are listed first names, at the start of a sentence
        ("Sung-ho Cho called the clinic twice.", &["Sung-ho Cho"]),
        // the shape of a romanized two-syllable given name; a surname that is also a weekday abbreviation
        ("We thanked Seo-jun for the flowers.", &["Seo-jun"]),
        // a role word before a capitalized word no list holds, in text with case
        ("Shoutout to my patient Thandeka who walked out today!", &["Thandeka"]),
        // a named shelter or motel, its name before a lowercase head
        ("We met at the Lutheran shelter on Elm.", &["Lutheran shelter"]),
        // a name in brackets after a kinship word; a lowercase name before a two-word head
        ("Her niece (Jolene) is the proxy.", &["Jolene"]),
        ("Pt transferred from bayview nursing home on 2/14, HCP aware.", &["bayview nursing home"]),
        ("She stays at the Salvation Army shelter now.", &["Salvation Army shelter"]),
        ("My mother Xiulan Sun was admitted after the fall.", &["Xiulan Sun"]),
        ("My mother Bongani Zulu was admitted.", &["Bongani Zulu"]),
        ("PT TRANSFERRED TO QH FOR FURTHER MANAGEMENT.", &["QH"]),
        ("was admitted to Sinai hospital after a fall", &["Sinai hospital"]),
        ("[6:52 PM] jess: who has 9?? [6:53 PM] tay: me.", &["jess", "tay"]),
        ("RAMIREZ-OCHOA, LUIS A / MRN 00731946 / DOB 07/02/1958", &["RAMIREZ-OCHOA, LUIS A"]),
        ("He asked me to call his sponsor, Rich. Rich met us at the door.", &["Rich. Rich"]),
        ("Plan: transfer to birchmont 3 in am. Per Birchmont 3 RN, bed ready.", &["birchmont", "Birchmont"]),
        ("SEEN AS AN OUTPATIENT AT NMH, THEN ADMITTED.", &["NMH"]),
        ("Insulin drip per U Oregon scale overnight.", &["U Oregon"]),
        ("[7:10 AM] dee: ty. ivy from pharm called re trough.", &["ivy"]),
        ("pt alert. rosa imelda quintanar from speech in today.", &["rosa imelda quintanar"]),
        ("social: dot called once overnight.", &["dot"]),
        ("83 yo man who presented to grace chapel hospital from frederick rehab", &["grace chapel hospital", "frederick rehab"]),
        ("cc: Councilman Walter \"Skip\" Ambrose", &["Walter \"Skip\" Ambrose"]),
        ("Her grandfather, Choi Jae-won, was 79.", &["Choi Jae-won"]),
        ("On the ward, Choi Jae-won was 79.", &["Choi Jae-won"]),
        ("Mr. Park, Park Sung-ho, was 81.", &["Park Sung-ho"]),
        ("will consult with dora vantreece re skin care.", &["dora vantreece"]),
        ("OK TO USE PER GORDON OSTRANDER NP TODAY", &["GORDON OSTRANDER"]),
        ("[9:01 PM] lee: son is dustin. number on board is old", &["dustin"]),
        ("Family: Son, Al, was updated today.", &["Al"]),
        ("Was camping on the Western Slope when the pain began.", &["Western Slope"]),
        ("FAMILY DROVE IN FROM THE NORTHERN PANHANDLE AT 2 AM", &["NORTHERN PANHANDLE"]),
        ("We saw the rash. Mark told me later he almost stayed home.", &["Mark"]),
        ("The rings were there. Will told me later he nearly missed them.", &["Will"]),
        ("She wrote: \"Thank you for hearing me. Tobias\"\nWe kept it.", &["Tobias"]),
        ("PT RESTING, NO DISTRESS. WILL CONT TO MONITOR. DOLORES\n", &["DOLORES"]),
        ("Afebrile overnight, plan unchanged.\nMarisol", &["Marisol"]),
        ("PLEASE KEEP OKONKWO FAMILY UPDATED.", &["OKONKWO"]),
        ("We called the Castellano family at noon.", &["Castellano"]),
        ("SOCIAL: SON-DESMOND 410 555-0199 & NIECE-ROSALIND CALLED.", &["DESMOND", "ROSALIND"]),
        ("Family: Brother, Ed, called twice.", &["Ed"]),
        ("Dr. o malley and Dr. Vance at bedside.", &["o malley"]),
        ("cash counted by (k. walsh and m. o'connell) at 2100.", &["m. o'connell"]),
        ("lytes repleted per NP Sunny this am.", &["Sunny"]),
        ("Lungs diminished. Okafor-Lindqvist MD plans to tap this pm.", &["Okafor-Lindqvist"]),
        ("0900- Halvorsen MD performed the bronch at bedside.", &["Halvorsen"]),
        ("pt has 3 sons who share decisions. tobiah and marek", &["tobiah", "marek"]),
        ("support given by chaplain & bill pettigrew lcsw today.", &["bill pettigrew"]),
        ("DISCUSSED WITH MS K. CARE PLAN REVIEWED.", &["K"]),
        ("UOP LOW THIS HOUR. NP DAWN B MADE AWARE, BOLUS GIVEN.", &["DAWN"]),
        // a lowercase name in a note with case; after an in-law word; names joined by "and" after a
        // family noun; a second given name of two letters; a two-letter given name that is a role word
        ("Lab ok. Social: pt's husband kamal rostampour called, ICU team aware.", &["kamal rostampour"]),
        ("SOCIAL: BROTHER-IN-LAW RAGHAVAN IYENGAR IN TO VISIT.", &["RAGHAVAN IYENGAR"]),
        ("family: dtrs kwesi and zodwa mabuza at bedside, updated.", &["kwesi", "zodwa mabuza"]),
        ("social: wife mei lin called, updated.", &["mei lin"]),
        ("social: large family, pt's wife pa nhia and son visited.", &["pa nhia"]),
        // clergy titles with their period in notes
        ("PT'S PASTOR REV. STONE VISITED.", &["STONE"]),
        ("chaplain fr. keane in to see pt.", &["keane"]),
        // note shorthand for contact: c/b, d/w, per ___, the ot
        ("pt's son c/b hope at 1400. d/w ifeanyi re: plan. per zandile, the ot, pt may walk.", &["hope", "ifeanyi", "zandile"]),
        ("C/B EMINE (PT'S DTR) AT 0400. PER AYANA, RT, WILL WEAN.", &["EMINE", "AYANA"]),
        ("PT'S PASTOR REV. PARK ALSO VISITED. WILL D/W CM ROSALEEN.", &["PARK", "ROSALEEN"]),
        ("Pt's sister Bong and niece in to visit.", &["Bong"]),
        // streets in notes without case; a town that also names a score; places of several words
        ("PT LIVES ON ESCOBEDO ST IN THE CITY.", &["ESCOBEDO ST"]),
        ("pt's address 41 maple grove rd, lives alone.", &["41 maple grove rd"]),
        ("wife works nights on dorchester ave, aware.", &["dorchester ave"]),
        ("Her son lives in Framingham with his wife.", &["Framingham"]),
        ("DTR LIVES IN CAPE TOWN, CALLS DAILY.", &["CAPE TOWN"]),
        // more head nouns of organizations; a people's word between a saint's name and its head
        ("Referral sent to Willow Bend Skilled Nursing today.", &["Willow Bend Skilled Nursing"]),
        ("She works at Lotus Garden Restaurant on weekends.", &["Lotus Garden Restaurant"]),
        ("Her school (Brookfield Elementary) called.", &["Brookfield Elementary"]),
        ("The priest from St. George Coptic Orthodox came.", &["St. George Coptic Orthodox"]),
        // words that introduce a name; a name set off before a clause about a person
        ("Her brother (goes by Deji) drove her in.", &["Deji"]),
        ("My grandmother's name is Phuntsok. Say it.", &["Phuntsok"]),
        ("Thanks to the aide Patience, who stayed late.", &["Patience"]),
        ("By noon, Lulama, one of the techs, came in.", &["Lulama"]),
        ("Her old charge nurse, Marisela, retired.", &["Marisela"]),
        // more kinship words; a present-tense speech verb
        ("My stepmom Ruby is here with us.", &["Ruby"]),
        ("We talked for an hour.\nHope says she is fine now.", &["Hope"]),
        ("update: aunty chinwe cooked for everyone.", &["chinwe"]),
        ("my friend zinhle khoza drove me home.", &["zinhle khoza"]),
        ("evening note\nmrs T slept well overnight, vs stable, no complaints, family visited this evening and left after an hour, will continue to monitor closely.", &["T"]),
        // places on text nobody tuned on: streets named by an ordinal, neighbourhoods after a word
        // of residence in notes without case, kinds of settlement, compounds of capitalized words,
        // a town after a street and a comma, "___-born", highway exits, bed numbers in a staff chat
        ("They rented a walk-up on West 112th Street for years.", &["West 112th Street"]),
        ("FOUND NEAR THE 88TH ST UNDERPASS BY EMS.", &["88TH ST"]),
        ("pt's niece lives in tern harbor estates. plan: d/c am.", &["tern harbor estates"]),
        ("SON LIVES IN FORT KALMAR. WILL CALL BACK.", &["FORT KALMAR"]),
        ("PT LIVES ON QUILLAN RD IN DUNMERE-PLAINS. HOME PHONE ON FILE.", &["QUILLAN RD", "DUNMERE-PLAINS"]),
        ("wife will drive back from cobble flats tonight.", &["cobble flats"]),
        ("pt's brother here from salt lake city, updated.", &["salt lake city"]),
        ("My cousins still live in Alder-Brook, near the river.", &["Alder-Brook"]),
        ("He runs a barbershop in Lithuanian Village and never closes.", &["Lithuanian Village"]),
        ("He kept pigeons on a roof in Torvik Mill for years.", &["Torvik Mill"]),
        ("Their old flat was on Garrow Ave, Chelmsford.", &["Garrow Ave", "Chelmsford"]),
        ("Rahim, Quetzaltenango-born and proud, cooked for us.", &["Quetzaltenango"]),
        ("The bus broke down past the Wendover exit that night.", &["Wendover"]),
        ("I drove the long road to Tsaile every other week.", &["Tsaile"]),
        ("cousin drove up from poughkeepsie this morning, so glad", &["poughkeepsie"]),
        ("My mother spent two weeks on Ward 31 last spring.", &["31"]),
        ("Hall bed K7: pt asleep, sitter at bedside.", &["K7"]),
        // a clinic of the VA or the Indian Health Service named by its place
        ("Old films requested from Cedar Bluff VA today.", &["Cedar Bluff VA"]),
        ("The nurse at Owl Creek IHS called back.", &["Owl Creek IHS"]),
        // chats: speakers after a kinship title, a chat split into blocks of different case, lone
        // given names in the slots of a message about a person, short @mentions
        ("[cousins]\nkuya pepe: any news on lola\nmarisol: still sleeping. Dr said ok\nkuya pepe: ok thank God\nmarisol: will text you", &["pepe", "marisol"]),
        ("[ward chat]\nnia: who has 4\nsol: me. tell wanjiru to page pharmacy\nnia: did obiageli give report on 5\nsol: ask chidinma and oyelaran too\nnia: also @so check the pump", &["wanjiru", "obiageli", "chidinma", "oyelaran", "@so"]),
        // family nouns: a short word before a note verb (lowercase), in CAPS, an acronym-shaped name
        ("pt's nephew kofi calling from ghana. son arno is here, brother tay will visit.", &["kofi", "arno", "tay"]),
        ("MOM FERIDE FLYING IN TONIGHT. COWORKER YELIZ ALSO CALLED. HER EX (DUSTIN) NOT TO GET INFO.", &["FERIDE", "YELIZ", "DUSTIN"]),
        ("He has lived alone since his wife Ada died. Mom Ama Boateng in today.", &["Ada", "Ama Boateng"]),
        ("thank you to my preceptor wairimu, who never gave up.", &["wairimu"]),
        // sign-offs with a pager or a slashed credential, names in brackets or quotes after a clause
        // about a relative, accented titles and particles, a name before its bracketed nickname,
        // a nickname cue, names joined to a word or a number in hashtags
        ("TOLERATED WELL. WILL F/U. GORAKH W. RRT  PAGER 4-2291", &["GORAKH W"]),
        ("Rec home with services. - Lusi, OTR/L", &["Lusi"]),
        ("pt's wife called at 2300 (morwenna), she is driving in.", &["morwenna"]),
        ("pt repeatedly calling for \"ysolde\" - per son this is pt's late wife.", &["ysolde"]),
        ("Her pastor, Pè Wilner, came to pray with us.", &["Wilner"]),
        ("At 9:15 Bounmy (\"Boun\") from 3rd grade came in for his inhaler.", &["Bounmy", "Boun"]),
        ("I'll call him by his nickname, Tobo, shot outside a party.", &["Tobo"]),
        ("Her grandfather, Ciarán Ó Súilleabháin, farmed in Kerry.", &["Ciarán Ó Súilleabháin"]),
        ("Missing you every day. #MarisolEterna #mirela100days #preemie", &["Marisol", "mirela"]),
        // a month-shaped given name as a chat label beside other names; lowercase names opening
        // a message line or after a kinship title of address; names in commas after a role phrase
        ("mar: omg she woke up\nzeb: finally!!\nmar: ok heading over\nzeb: bring the charger\njun: im here too\njun: ok", &["jun"]),
        ("update on mom for everyone\nnoelani please bring her glasses tmrw\ntita vaiola said she'll come sunday\nhey, ngaio can u call the pharmacy", &["noelani", "vaiola", "ngaio"]),
        ("The night nurse on her last shift, Wanjiku, stayed past seven.", &["Wanjiku"]),
        // an unknown word after a clergy title and its period; an Arabic kunya; a lone capital
        // after "Mr." in prose
        ("pt's chaplain, rev. Tuimavave from the island church, visited.", &["Tuimavave"]),
        ("Everyone on the block called him Umm Haytham's husband, or Abu Haytham.", &["Umm Haytham", "Abu Haytham"]),
        ("The patient, whom I will call Mrs. K, teaches piano.", &["K"]),
        // a word named after a kinship title of another language; a nickname adjective before a
        // listed name that is also a word
        ("At the party her cousin, Lola Girlie, sang all night.", &["Girlie"]),
        ("The porter everyone called Little Bill, who whistled, wheeled her down.", &["Bill"]),
        ("So proud of her. #TavitaTurns90 #BapakWiryo #nursing", &["Tavita", "Wiryo"]),
        ("sitter at group home, tadesse, found pt on floor at 0300.", &["tadesse"]),
        // heads of a practice's or a network's name; a state closing an "of" tail; a surname
        // before ", MD"; a patient labelled surname first before the next field; a name before
        // an age in commas; a town that is also a word after "in"
        ("Follow up: Dr. Annelies Vermeulen, Oak Hollow Primary Care, in 1 week.", &["Oak Hollow Primary Care"]),
        ("We used a free sensor from the Cedar-Riverside Diabetes Collaborative.", &["Cedar-Riverside Diabetes Collaborative"]),
        ("Infusion chair 6, Harborview Cancer Pavilion, 3rd floor.", &["Harborview Cancer Pavilion"]),
        ("She volunteers at Tibetan Association of Colorado on weekends.", &["Tibetan Association of Colorado"]),
        ("Ramaswamy, MD from pt's nursing home called.", &["Ramaswamy"]),
        ("PHARMACY CONSULT\nPt: Gonçalves, João Pedro Rm 5N-522   Wt 84 kg", &["Gonçalves, João Pedro"]),
        ("The first patient I presented was Mrs. Liu. Liu Meifang, 67, admitted on a Tuesday.", &["Liu Meifang"]),
        ("Mother Tatiana is in Anchorage for work, notified by phone.", &["Tatiana", "Anchorage"]),
        // initials alone; a listed surname that is also a brand after a given name; a chat
        // speaker's user name
        ("Patient: T.K., 52-year-old Japanese-American woman, a retired teacher.", &["T.K."]),
        ("A 47-year-old Brazilian man, J.C.S., originally from the coast, presented.", &["J.C.S."]),
        ("Her neighbor Merline Destin brought her soup every day.", &["Merline Destin"]),
        ("For privacy we call her J.M. in this report.", &["J.M."]),
        ("Takeshi moved into Keiro Senior HealthCare this week.", &["Keiro Senior HealthCare"]),
        ("His Ate Marivic flew in from Cebu to help with the kids.", &["Marivic"]),
        ("He fell near the corner of Orchard and 5th yesterday.", &["Orchard and 5th"]),
        ("So proud of him. #TanabeStrong #nursing", &["TanabeStrong"]),
        ("Dear Representative Ó Súilleabháin, my name is Luz and I live in your district.", &["Ó Súilleabháin"]),
        ("DR FELDMAN TO SEE RE: TPN. ALSO CHECK WITH PARK, NP, RE CENTRAL LINE.", &["PARK"]),
        ("Also the dogs need walking. Thank you!\n- Carol H.\n", &["Carol H."]),
        ("We will post again after the surgery.\n\n— Parwana", &["Parwana"]),
        ("Trach care done. Dr Pritchard and RT Gwenllian discussed a trial for Friday.", &["Gwenllian"]),
        ("A driver ran the light at Rainier and Genesee while she was biking.", &["Rainier and Genesee"]),
        ("[02:15] ciaran.rn: yep. 6 pts.\n[02:16] tuulikki_: lol ok\n[02:17] ciaran.rn: too late", &["ciaran.rn", "tuulikki_"]),
        ("[night chat]\nrae: who has 15 tonight\nbo: i have 15. and 16\nrae: 16 is the new admit from ed\nbo: pharmacy sent the heparin for 12 is it hung\nrae: the lady in 14 is asking for you\nbo: ok", &["15", "16", "12", "14"]),
    ];
    for (text, names) in leaks {
        assert_covered(text, names);
    }
    // texts in which nothing may be flagged as a name, place or organization
    let clean: &[&str] = &[
        "MS: REMAINS ON PROPOFOL AT 10 MCG.",
        "ECHO SHOWED 4+ MR. PT HAS MRSA IN SPUTUM.",
        "Resp Care in to see pt, Respiratory Care following.",
        "Head CT negative, pleural ct to suction.",
        "pa line placed, np cough noted, pa numbers stable.",
        "Started on Levo and Ceftaz, Crit stable.",
        "TPN @33CC/HR, NPO @12AM, tf @goal.",
        "PMHX: CABG, MI in 1991; MAE, PERL.",
        "She spoke more Arabic than English at home.",
        "Please vote yes on Senate Bill 1142.",
        "ST DEGREE AV BLOCK, SR FREQ PVCS, LT BKA.",
        "PULSES ABSENT, HOUSE STAFF AWARE, TOLERATING HOUSE DIET.",
        "Seen by transplant team in am.",
        "No N/V. Abd soft, L. Suct for thick sputum.",
        "A silver Chevy Malibu hit the rail.",
        "She had ALS (Lou Gehrig's disease).",
        "RECEIVING 250CC FREE WATER BOLUSES.",
        "pt resting, wife called overnoc for an update.",
        "The Second Worst Day Arrives by Mail",
        // false positives the blind corpora found
        "Oma was born on a farm; Opa met her at a dance.",
        "Lithium 300 mg BID, Li level 0.9 today.",
        "LR at 200 mL/hr per Parkland formula.",
        "Behavioral Health ED Note",
        "Chaplain note (Spiritual Care)",
        "We made tamales every Christmas Eve.",
        "She is certified in Kurmanji, Sorani and Turkish.",
        "Posted in Bhutanese & Nepali groups.",
        "L&D Nursing Note",
        "I called the front desk to FaceTime with her.",
        "PT ADMITTED, HAD INTERNAL MEDICINE CONSULT.",
        "Her Internal Medicine doctor agreed.",
        "SISTER UNABLE TO REACH \"SISTER\" THIS EVENING.",
        "Consult from pharm re dosing; pt from rehab.",
        "social: pt lives alone, wife visited.",
        "She said \"It hurt. Stop.\" and we did.",
        "Read the Long Follow-up notes.",
        "Read the Long Post-op notes.",
        "Family: son is aware, daughter, too.",
        "pt with grace period for meds, per protocol.",
        "Lungs: crackles at the lower lobes, upper airway clear.",
        "The nurse said no. She told me later. He said so. They asked. It said error. Who told you?",
        "UO IMPROVED WITH GREAT DIURESES OVERNIGHT.",
        "urine amber with amber coloured sediment, normal pco.",
        "The family was updated. Wound family meeting set; pt's FAMILY AWARE.",
        "Pt resting comfortably.\nBP stable",
        "Renal MD aware, Ortho MD notified, Cardiac-Surgery MD paged.",
        "PLAN: LASIX AND KCL. TUBE FEEDS AND FREE WATER.",
        "MS: A. ORIENTED X3.",
        "ECHO: MR I-II, TR 2+.",
        "SUCTIONED NP WITH CRACKLES, NP COUGH, NP STOOL, RN PLACED IV.",
        // the grammar of a lone given name around words that are no names: a consulting service,
        // drugs, a contraction, a pronoun
        "Pain controlled, Ortho will follow tomorrow.",
        "Last week, Heparin was held; overnight, Labetalol was given and Pantoprazole was started.",
        "Before I'd finished, the alarm rang.",
        "Thank you, Everyone, for coming. We met Tuesday at noon.",
        "Heparin had been held. Droperidol was given. A Dutchman who sailed.",
        "Review of Systems negative. Both organ systems recovered; the Systems review was done.",
        "She went to church on Sunday; the church of her childhood closed. PT ASKS FOR CHURCH OF HIS CHOICE.",
        "Plan: wean vent.\nNeuro: intact.\nPlan: f/u cxr.\nNeuro: no change.\nme: ok\nmom: ok\nme: bye\nmom: bye",
        "skin care as per reqs, tf w/ promode at goal, vent per flowsheet, per protocol.",
        "PLAN PER FLOWSHEET. C/B PHARMACY (RE: DOSE). D/W TEAM.",
        "She read to a Dutchman who pretends not to understand.",
        "The Navajo and Lakota speakers asked for interpreters.",
        "PT HAD 3 EPSIODES ST IN 130'S, HR ST 120.",
        "Framingham risk score 12%; Alvarado score 7.",
        "She kept the Ethiopian Orthodox fast; her Assisted Living search and Skilled Nursing benefits went on.",
        // no place: a word of residence before a kind of housing, a bare count or time in a chat
        "pt lives in senior housing, independent at baseline.",
        "FAMILY WAS NOT IN ATTENDENCE. NEPHEW CALLED.",
        "TRANSFER BACK TO WARD 3 WHEN STABLE. RHYTHM 2ND ST ELEVATION RESOLVED.",
        "[break chat]\ndesk: back in 5\nfloor: i have 2 admits\ndesk: take 10, we are fine\nfloor: ok",
        // a family noun's possessions and its verbs, a verb of calling before an adverb
        "son calls daily. pt's wife's number is on file; her mom keeps calling; dtr's molst in chart.",
        // a bracketed abbreviation or common word after a relative; an acronym in a hashtag; slashed shorthand
        "Pt's nephew (POA) signed paperwork; wife called at 0300 (twice) about it.",
        "Proud of this team. #NICUnurse #preemie",
        "A letter for my grandmother, read at her service. I wrote her husband's name so we keep it.",
        "CLAIM FILED PER WIFE, CASE MGR AWARE.",
        "B/S course bilaterally, better air entry noted on Lt. Per report, resp. failure.",
        "Honestly, our unit secretary, runs the place. Yesterday, from the lab, came the results.",
        // animals a story names are no patients (blind4)
        "His service dog is a black lab named Biscuit. Since April his seizure-alert dog, a golden named Maverick, has gone everywhere.",
        "WILL F/U. RRT  PAGER 4-2291",
        // a schedule of weekday labels; a department opening a line before a verb; a word in commas
        "Mon: dialysis\nTue: PT\nMon: labs\nTue: rest",
        "micro just phoned with a positive culture. pharmacy called re dose.",
        "Gran always knew. his doc is like really nice",
        "The nurse on nights, however, stayed late.",
        // kinship titles of another language alone; eponyms and ward shorthand; a headline's
        // common word before "of"; a festival
        "We buried Tata in June. Our Khun Yai turned 95; Ông nội cooks.",
        "He has tetralogy of Fallot; Fournier's gangrene; Langhans giant cells. I work Med-surg nights.",
        "In Memory of our grandmother\nShe loved Songkran, when we splashed water on her hands.",
        "[shift chat]\ndesk: is pharmacy still open\nfloor: tell them to call\ndesk: did ortho give recs\nfloor: ask if they can come too",
        "[shift chat]\ndesk: is anyone with him\nfloor: the one in 12 is fine\ndesk: bring it too",
        // "Care" after a kind of care with nothing distinctive before it; "medical care"
        "She needs Urgent Care more than anything.",
        "He moved to the U.S. at 20, and the E.R. was full.",
        "plan- cont supportive medical care, family updated.",
        "pa line unable to wedge, pa 56/34 range, cvp 17",
    ];
    for text in clean {
        assert_eq!(found(text), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn tokens_with_lists_the_flagged_tokens() {
    use super::{flag, Doc};
    // tokens: Lives, in, Room, at, Calvert, Hospital (the number is no token)
    let doc = Doc::new("Lives in Room 4 at Calvert Hospital");
    assert_eq!(doc.tokens_with(flag::ROOM).collect::<Vec<_>>(), [2]);
    assert_eq!(doc.tokens_with(flag::ROOM | flag::ORG_HEAD).collect::<Vec<_>>(), [2, 5]);
    assert_eq!(doc.tokens_with(flag::CRED).count(), 0);
}

/// Names that must be found with exactly these extents (a word after them is not part of them).
#[test]
fn name_extents() {
    let rows: &[(&str, &[&str])] = &[
        // a visit's "in" before "to" is no surname In (blind5)
        ("DAUGHTER ROJDA IN TO VISIT, VERY ANXIOUS.", &["ROJDA"]),
        ("SON MAI DO AT BEDSIDE.", &["MAI DO"]),
        // a word of shorthand before a quoted nickname is no name (blind4)
        ("Roommate found the note. Ex-bf \"Khoa\" has been texting pt's phone.", &["Khoa"]),
    ];
    for &(text, want) in rows {
        assert_eq!(found(text), want, "{text}");
    }
}

#[test]
fn key_in_matches_exactly_the_listed_words() {
    use super::Doc;
    let text = "to at from for per on by of the tow a in into onto top fort bypass From TO at's";
    let doc = Doc::new(text);
    for i in 0..doc.toks.len() {
        let want = matches!(doc.key_str(i), "to" | "at" | "from" | "for" | "per" | "on" | "by");
        assert_eq!(key_in!(doc, i, "to", "at", "from", "for", "per", "on", "by"), want, "{}", doc.word(i));
        assert_eq!(key_in!(doc, i, "the"), doc.key_str(i) == "the", "{}", doc.word(i));
    }
}

/// The facts `Doc::with_mode` finds for a plain token (ASCII letters only) in its fast path are
/// those of the general path: the key, its packed form and the flags.
#[test]
fn plain_token_facts_match_the_general_path() {
    use super::{flags_of_word, word8, Doc, SHORT_FLAGS};
    let text = "Dr Rosa and her son came to the Hospital at Saint Mary on Tuesday with RN staff; supercalifragilistic Calvert OF";
    let doc = Doc::new(text);
    for (i, t) in doc.toks.iter().enumerate() {
        let w = doc.word(i);
        assert!(t.plain, "{w}");
        let key = w.to_ascii_lowercase();
        assert_eq!(doc.key_str(i), key);
        assert_eq!(doc.key8(i), if key.len() <= 8 { word8(&key) } else { 0 }, "{w}");
        assert_eq!(doc.flags(i), flags_of_word(&SHORT_FLAGS, &doc.lower, t, t.s, t.e, None), "{w}");
    }
    assert!(doc.flags(0) & super::flag::TITLE != 0 && doc.flags(2) & super::flag::FUNC != 0);
}
