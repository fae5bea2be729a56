// The hash of a word-list entry (FNV-1a, 64 bits, folded), shared by `build.rs`, which lays out
// the native hash tables with it, and by `dictionaries.rs`, which probes them: both `include!`
// this file, so the two can never disagree.

/// The hash of a list entry (FNV-1a, 64 bits, its high bits folded into the low ones).
fn word_hash(w: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in w {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^ (h >> 29)
}
