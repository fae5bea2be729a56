//! Offset conversions for the edges: the engine works in UTF-8 byte offsets; the command line and
//! JSON speak Unicode code points (Python string indices), the DOM speaks UTF-16 code units.

/// Converts sorted-or-not byte offsets to code point offsets in one pass over `text`.
///
/// Every offset must lie on a character boundary of `text` (as engine spans always do).
pub fn bytes_to_chars(text: &str, offsets: &[usize]) -> Vec<usize> {
    convert(text, offsets, |_| 1)
}

/// Converts byte offsets to UTF-16 code unit offsets.
pub fn bytes_to_utf16(text: &str, offsets: &[usize]) -> Vec<usize> {
    convert(text, offsets, char::len_utf16)
}

/// Converts one UTF-16 offset (as the DOM reports a selection) to a byte offset, clamped to the
/// text and rounded down to a character boundary.
pub fn utf16_to_byte(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16();
    }
    text.len()
}

fn convert(text: &str, offsets: &[usize], width: impl Fn(char) -> usize) -> Vec<usize> {
    if text.is_ascii() {
        return offsets.to_vec();
    }
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![0; offsets.len()];
    let mut chars = text.char_indices().peekable();
    let mut count = 0;
    for i in order {
        let target = offsets[i];
        while let Some(&(b, c)) = chars.peek() {
            if b >= target {
                break;
            }
            count += width(c);
            chars.next();
        }
        out[i] = count;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        // text, byte offsets, code points, utf-16 units
        let rows: &[(&str, &[usize], &[usize], &[usize])] = &[
            ("abc", &[0, 2, 3], &[0, 2, 3], &[0, 2, 3]),
            ("José x", &[5, 6, 0], &[4, 5, 0], &[4, 5, 0]),
            ("😀 Ana", &[5, 8], &[2, 5], &[3, 6]),
        ];
        for &(text, bytes, chars, units) in rows {
            assert_eq!(bytes_to_chars(text, bytes), chars, "chars of {text:?}");
            assert_eq!(bytes_to_utf16(text, bytes), units, "utf16 of {text:?}");
            for (b, u) in bytes.iter().zip(units) {
                assert_eq!(utf16_to_byte(text, *u), *b, "back from utf16 in {text:?}");
            }
        }
    }
}
