//! The .doc reader: the input as it stands (a compound file, or anything), and as the streams
//! of a compound file made around it (`vanban_fuzz::doc_file`: the first two bytes give the
//! length of the `WordDocument` stream, the rest is the table stream), so that the fuzzer
//! reaches the FIB, piece table and PAPX page parsing, not only the container parser. Both go
//! through `vanban_fuzz::check_bytes`.
//! A panic is a crash (`src/decode/doc.rs` catches none, not even the `cfb` crate's).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    vanban_fuzz::check_bytes(data, &vanban::Options::default());
    let file = vanban_fuzz::doc_file(data);
    vanban_fuzz::show("wrapped.doc", &file);
    vanban_fuzz::check_bytes(&file, &vanban::Options::default());
});
