//! Will the final text fit? Character counters for the places a story is usually shared.
//!
//! Every channel is counted the same simple way: Unicode code points (Rust `chars`). This is a
//! deliberate simplification, documented here so that nobody relies on an exact match:
//! - X counts every link as 23 characters and CJK characters and most emoji as 2;
//! - Bluesky counts grapheme clusters (a family emoji built of several code points counts 1);
//! - Threads, Instagram and LinkedIn count roughly in UTF-16 code units or code points.
//!
//! So code points over-count emoji sequences on Bluesky and under-count CJK text and emoji on X.
//! For ordinary Latin text all of them agree.

/// A place to share the story, with its length limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Channel {
    /// The channel's name, as shown.
    pub name: &'static str,
    /// Its maximum post length, in characters.
    pub limit: usize,
}

/// The channels, shortest limit first.
pub const CHANNELS: [Channel; 5] = [
    Channel { name: "X", limit: 280 },
    Channel { name: "Bluesky", limit: 300 },
    Channel { name: "Threads", limit: 500 },
    Channel { name: "Instagram", limit: 2_200 },
    Channel { name: "LinkedIn", limit: 3_000 },
];

/// One channel's counter for a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChannelCheck {
    /// The channel.
    pub channel: Channel,
    /// Characters used (code points).
    pub used: usize,
}

impl ChannelCheck {
    /// True when the text fits.
    pub fn fits(&self) -> bool {
        self.used <= self.channel.limit
    }

    /// Characters left (negative when over).
    pub fn remaining(&self) -> i64 {
        self.channel.limit as i64 - self.used as i64
    }
}

/// The counters of every channel for `text`.
pub fn check(text: &str) -> Vec<ChannelCheck> {
    let used = text.chars().count();
    CHANNELS.iter().map(|&channel| ChannelCheck { channel, used }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_table() {
        // text, characters, fits X, fits Bluesky, fits Threads
        let rows: Vec<(String, usize, bool, bool, bool)> = vec![
            (String::new(), 0, true, true, true),
            ("a".repeat(280), 280, true, true, true),
            ("a".repeat(281), 281, false, true, true),
            ("é".repeat(300), 300, false, true, true),
            ("😀".repeat(301), 301, false, false, true),
            ("x".repeat(501), 501, false, false, false),
        ];
        for (text, n, x, bsky, threads) in rows {
            let c = check(&text);
            assert!(c.iter().all(|c| c.used == n), "count of {n}");
            assert_eq!((c[0].fits(), c[1].fits(), c[2].fits()), (x, bsky, threads), "{n} chars");
        }
        let c = check("hello");
        assert_eq!(c[4].remaining(), 2_995);
        assert_eq!(check(&"a".repeat(290))[0].remaining(), -10);
        assert_eq!(CHANNELS.map(|c| c.limit), [280, 300, 500, 2_200, 3_000]);
    }
}
