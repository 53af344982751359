//! The PDF reader: the input as it stands, and as a one-page PDF made around it
//! (`vanban_fuzz::pdf_file`: the first four bytes give the lengths of the page's content
//! stream and of a `ToUnicode` map, the rest is the TrueType file of a two-byte
//! `Identity-H` font), so that the fuzzer reaches the content interpreter, the glyph-number
//! map and `src/decode/truetype.rs`, not only the file parser. Both go through
//! `vanban_fuzz::check_bytes`.
//!
//! `src/decode/pdf.rs` turns a panic of the PDF reader (`pdf-extract`, `lopdf`) into an error;
//! `check_bytes` lets such a panic unwind to it (`vanban_fuzz::let_third_party_panics_unwind`),
//! while a panic in `vanban`'s own code is a crash, inside that `catch_unwind` too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    vanban_fuzz::check_bytes(data, &vanban::Options::default());
    let file = vanban_fuzz::pdf_file(data);
    vanban_fuzz::show("wrapped.pdf", &file);
    vanban_fuzz::check_bytes(&file, &vanban::Options::default());
});
