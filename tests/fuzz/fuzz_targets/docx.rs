//! The .docx reader: the input, as it stands and as the `word/document.xml` of a zip archive
//! made around it (so that the fuzzer reaches the WordprocessingML reader, not only the zip
//! parser), through `decode` and `parse_bytes`, with the span invariants of `vanban_fuzz::check`.
//! A panic is a crash.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;

fn check(bytes: &[u8]) {
    let decoded = vanban::decode_and_repair(bytes).ok().map(|(text, _, _)| text);
    match vanban::parse_bytes(bytes, &vanban::Options::default()) {
        Ok(parsed) => {
            let text = decoded
                .as_deref()
                .expect("parse_bytes decodes what decode decodes");
            vanban_fuzz::check(&parsed, text);
        }
        Err(_) => assert!(decoded.is_none(), "decode accepts what parse_bytes rejects"),
    }
}

fuzz_target!(|data: &[u8]| {
    check(data);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(data).unwrap();
    let archive = zip.finish().unwrap().into_inner();
    check(&archive);
});
