// A Thompson NFA written as a list of numbers and read back, so that build.rs can compile the
// NFA of a pattern compiled ahead of time (the one its groups are found with) and the native
// build rebuild it without parsing and compiling the pattern at run time (see `Dfas::groups` in
// src/engine/pattern.rs). Included by build.rs, which writes the lists and checks that reading
// each one back gives the same NFA, and by src/engine/pattern.rs, which reads them.
//
// The list holds the anchored start state, the unanchored start state, the start state of the
// one pattern, then each state in order (so that reading them back in order through the NFA
// builder gives each the same ID): a tag and its fields.
// - 0 byte range: start byte, end byte, next state;
// - 1 sparse: the number of ranges, then start byte, end byte and next state of each;
// - 2 look-around: `Look::as_repr`, next state;
// - 3 union: the number of alternatives, then each (in order of preference);
// - 4 capture start: next state, group index; 5 capture end: next state, group index;
// - 6 fail; 7 match.
// The names of the groups are kept apart (`NFA::group_info`).

/// The states of `nfa` (of one pattern, without empty states: what the compiler builds) as a
/// list of numbers (see the comment at the top of this file), or `None` for an NFA this format
/// does not hold (several patterns, dense states).
#[allow(dead_code)] // written by build.rs; the native build only reads
pub(crate) fn nfa_program(nfa: &regex_automata::nfa::thompson::NFA) -> Option<Vec<u32>> {
    use regex_automata::nfa::thompson::State;
    use regex_automata::PatternID;
    if nfa.pattern_len() != 1 {
        return None;
    }
    let id = |s: regex_automata::util::primitives::StateID| s.as_u32();
    let mut out = vec![id(nfa.start_anchored()), id(nfa.start_unanchored()), id(nfa.start_pattern(PatternID::ZERO)?)];
    for state in nfa.states() {
        match state {
            State::ByteRange { trans } => out.extend([0, trans.start.into(), trans.end.into(), id(trans.next)]),
            State::Sparse(sparse) => {
                out.extend([1, sparse.transitions.len() as u32]);
                for t in sparse.transitions.iter() {
                    out.extend([t.start.into(), t.end.into(), id(t.next)]);
                }
            }
            State::Look { look, next } => out.extend([2, look.as_repr(), id(*next)]),
            State::Union { alternates } => {
                out.extend([3, alternates.len() as u32]);
                out.extend(alternates.iter().map(|&s| id(s)));
            }
            State::BinaryUnion { alt1, alt2 } => out.extend([3, 2, id(*alt1), id(*alt2)]),
            // the start of group i is slot 2i, its end slot 2i+1
            State::Capture { next, group_index, slot, .. } => out.extend([4 + (slot.as_u32() & 1), id(*next), group_index.as_u32()]),
            State::Fail => out.push(6),
            State::Match { .. } => out.push(7),
            State::Dense(_) => return None,
        }
    }
    Some(out)
}

/// The NFA written by [`nfa_program`] with the group names `names` (by group index), rebuilt
/// state by state with the NFA builder (UTF-8 mode, the default look-around settings: those of
/// the patterns' compiler). The program was written by build.rs from a valid NFA, so an error
/// here is a bug.
pub(crate) fn nfa_from_program(program: &[u32], names: &[Option<&str>]) -> regex_automata::nfa::thompson::NFA {
    use regex_automata::nfa::thompson::{Builder, Transition};
    use regex_automata::util::look::Look;
    use regex_automata::util::primitives::StateID;
    let sid = |x: u32| StateID::new(x as usize).expect("a state ID");
    let byte = |x: u32| u8::try_from(x).expect("a byte");
    let mut b = Builder::new();
    b.set_utf8(true);
    b.start_pattern().expect("one pattern");
    /// The next `n` numbers of the program.
    fn take<'p>(rest: &mut &'p [u32], n: usize) -> &'p [u32] {
        let (head, tail) = rest.split_at(n);
        *rest = tail;
        head
    }
    let rest = &mut &program[3..];
    while !rest.is_empty() {
        let added = match take(rest, 1)[0] {
            0 => {
                let f = take(rest, 3);
                b.add_range(Transition { start: byte(f[0]), end: byte(f[1]), next: sid(f[2]) })
            }
            1 => {
                let n = take(rest, 1)[0] as usize;
                let ranges = take(rest, 3 * n).chunks(3).map(|f| Transition { start: byte(f[0]), end: byte(f[1]), next: sid(f[2]) }).collect();
                b.add_sparse(ranges)
            }
            2 => {
                let f = take(rest, 2);
                b.add_look(sid(f[1]), Look::from_repr(f[0]).expect("a look-around"))
            }
            3 => {
                let n = take(rest, 1)[0] as usize;
                b.add_union(take(rest, n).iter().map(|&s| sid(s)).collect())
            }
            4 => {
                let f = take(rest, 2);
                let name = names.get(f[1] as usize).copied().flatten().map(std::sync::Arc::from);
                b.add_capture_start(sid(f[0]), f[1], name)
            }
            5 => {
                let f = take(rest, 2);
                b.add_capture_end(sid(f[0]), f[1])
            }
            6 => b.add_fail(),
            7 => b.add_match(),
            tag => panic!("NFA program: unknown state {tag}"),
        };
        added.expect("an NFA state");
    }
    b.finish_pattern(sid(program[2])).expect("one pattern");
    b.build(sid(program[0]), sid(program[1])).expect("a valid NFA")
}
