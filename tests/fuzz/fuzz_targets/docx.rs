//! The .docx reader: the input, as it stands and as the `word/document.xml` of a zip archive
//! made around it (so that the fuzzer reaches the WordprocessingML reader, not only the zip
//! parser), through `vanban_fuzz::check_bytes`.
//! A panic is a crash.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    vanban_fuzz::check_bytes(data, &vanban::Options::default());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(data).unwrap();
    let archive = zip.finish().unwrap().into_inner();
    vanban_fuzz::check_bytes(&archive, &vanban::Options::default());
});
