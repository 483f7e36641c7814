//! The rows of CSV text whose first line names the columns. A plain line (no quote, no carriage
//! return but the one ending it) is split at its commas; any other record is read by
//! `csv_core`, the parser the `csv` crate runs on, so both give the records the `csv` crate
//! gives. Blank lines are skipped, and each row is placed at the line it begins on.

use super::rows::{Fetched as Row, Next, Place, PlainLine, Rows};
use crate::error::{Error, ErrorCode, Result};
use std::io::Read;

/// Where the next record is.
enum Found {
    End,
    /// A plain line, in `buffer[line]`; the next record's search begins at `next`, past its
    /// line feed if it has one.
    Plain {
        line: std::ops::Range<usize>,
        next: usize,
        with_feed: bool,
    },
    /// A record for the parser.
    Other,
}

/// Bytes read from the input at a time.
const CHUNK: usize = 1 << 20;

pub struct CsvRows<'a> {
    input: Box<dyn Read + 'a>,
    /// Text read and not yet taken: `buffer[at..]`.
    buffer: Vec<u8>,
    at: usize,
    eof: bool,
    /// Bytes of the input before `buffer[at]`, and the line it is on.
    taken: u64,
    line: u64,
    /// The line the last record began on.
    record_line: u64,
    /// Records that are not plain lines, and their fields' bytes and ends as it reads them.
    parser: csv_core::Reader,
    fields: Vec<u8>,
    ends: Vec<usize>,
    /// A record read as bytes, to be checked as text, and a plain line's commas.
    bytes: csv::ByteRecord,
    commas: Vec<usize>,
    header: csv::StringRecord,
    chunk: usize,
}

impl<'a> CsvRows<'a> {
    pub fn new(input: Box<dyn Read + 'a>) -> Result<Self> {
        Self::reading(input, CHUNK)
    }

    /// The same, reading `chunk` bytes at a time.
    fn reading(input: Box<dyn Read + 'a>, chunk: usize) -> Result<Self> {
        let mut parser = csv_core::Reader::new();
        // Told of a first (blank) line, so that it never takes a record's first bytes for a
        // byte-order mark: this reader takes the file's own off.
        parser.read_record(b"\n", &mut [0; 1], &mut [0; 1]);
        let mut rows = CsvRows {
            input,
            buffer: Vec::new(),
            at: 0,
            eof: false,
            taken: 0,
            line: 1,
            record_line: 1,
            parser,
            fields: vec![0; 256],
            ends: vec![0; 16],
            bytes: csv::ByteRecord::new(),
            commas: Vec::new(),
            header: csv::StringRecord::new(),
            chunk,
        };
        while rows.buffer.len() < 3 && !rows.eof {
            rows.fill().map_err(|e| rows.unreadable(e))?;
        }
        if rows.buffer.starts_with(b"\xef\xbb\xbf") {
            rows.take(3);
        }
        let mut header = csv::StringRecord::new();
        match rows.read(&mut header)? {
            Next::Row | Next::End => {}
            Next::Bad(error) => {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    "line 1",
                    format!("the header row cannot be read: {}", error.message),
                ))
            }
        }
        rows.header = header;
        Ok(rows)
    }

    fn unreadable(&self, error: std::io::Error) -> Error {
        Error::new(
            ErrorCode::Unreadable,
            format!("line {}", self.line),
            format!("line {} cannot be read: {error}", self.line),
        )
    }

    /// Reads more of the input into the buffer, keeping what is not yet taken; at the end of the
    /// input, `eof`.
    fn fill(&mut self) -> std::io::Result<()> {
        if self.at > 0 {
            self.buffer.drain(..self.at);
            self.at = 0;
        }
        let kept = self.buffer.len();
        self.buffer.resize(kept + self.chunk, 0);
        let read = loop {
            match self.input.read(&mut self.buffer[kept..]) {
                Ok(read) => break read,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buffer.truncate(kept);
                    return Err(e);
                }
            }
        };
        self.buffer.truncate(kept + read);
        self.eof = read == 0;
        Ok(())
    }

    /// Takes `count` bytes of the buffer, counting the lines they end.
    fn take(&mut self, count: usize) {
        let taken = &self.buffer[self.at..self.at + count];
        self.line += memchr::memchr_iter(b'\n', taken).count() as u64;
        self.taken += count as u64;
        self.at += count;
    }

    /// Finds the next record: a plain line (no quote, no carriage return but one ending it),
    /// whole in the buffer, with where its `commas` are, or another.
    fn find(&mut self, commas: &mut Vec<usize>) -> std::io::Result<Found> {
        // Blank lines, and the line feed of a carriage return that ended a record.
        loop {
            let blank = self.buffer[self.at..]
                .iter()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .count();
            if blank > 0 {
                self.take(blank);
            }
            if self.at < self.buffer.len() {
                break;
            }
            if self.eof {
                return Ok(Found::End);
            }
            self.fill()?;
        }
        self.record_line = self.line;
        let end = loop {
            match memchr::memchr(b'\n', &self.buffer[self.at..]) {
                Some(end) => break Some(self.at + end),
                None if self.eof => break None,
                None => self.fill()?,
            }
        };
        let line_end = end.unwrap_or(self.buffer.len());
        let mut line = self.at..line_end;
        if self.buffer[line.clone()].ends_with(b"\r") {
            line.end -= 1;
        }
        let text = &self.buffer[line.clone()];
        if memchr::memchr2(b'"', b'\r', text).is_some() {
            return Ok(Found::Other);
        }
        // A loop, not a search: the commas of a short line are close together.
        commas.clear();
        for (at, &byte) in text.iter().enumerate() {
            if byte == b',' {
                commas.push(at);
            }
        }
        Ok(Found::Plain {
            line,
            next: end.map_or(line_end, |end| end + 1),
            with_feed: end.is_some(),
        })
    }

    /// Takes a plain line found, up to `next`, past its line feed if it has one.
    fn pass(&mut self, next: usize, with_feed: bool) {
        self.line += u64::from(with_feed);
        self.taken += (next - self.at) as u64;
        self.at = next;
    }

    /// The next record as bytes.
    fn next_record(&mut self, record: &mut csv::ByteRecord) -> std::io::Result<bool> {
        let mut commas = std::mem::take(&mut self.commas);
        let found = self.find(&mut commas);
        let read = match found? {
            Found::End => Ok(false),
            Found::Other => self.parse(record),
            Found::Plain {
                line,
                next,
                with_feed,
            } => {
                split_into(&self.buffer[line], &commas, record);
                self.pass(next, with_feed);
                Ok(true)
            }
        };
        self.commas = commas;
        read
    }

    /// A record read as bytes, as text in `record`; a record that is not UTF-8 text is a bad
    /// row.
    fn as_text(&mut self, bytes: csv::ByteRecord, record: &mut csv::StringRecord) -> Next {
        match csv::StringRecord::from_byte_record(bytes) {
            Ok(text) => {
                self.bytes = std::mem::replace(record, text).into_byte_record();
                Next::Row
            }
            Err(not_text) => {
                let field = not_text.utf8_error().field() + 1;
                self.bytes = not_text.into_byte_record();
                let line = self.record_line;
                Next::Bad(Error::new(
                    ErrorCode::InvalidValue,
                    format!("line {line}"),
                    format!("line {line} is not valid CSV: its field {field} is not UTF-8 text"),
                ))
            }
        }
    }

    /// A record that is not a plain line, read as the `csv` crate reads it.
    fn parse(&mut self, record: &mut csv::ByteRecord) -> std::io::Result<bool> {
        use csv_core::ReadRecordResult::*;
        let (mut written, mut ended) = (0, 0);
        loop {
            // Empty input tells the parser the input is over.
            let told_over = self.at == self.buffer.len();
            let (result, read, wrote, ends) = self.parser.read_record(
                &self.buffer[self.at..],
                &mut self.fields[written..],
                &mut self.ends[ended..],
            );
            self.take(read);
            written += wrote;
            ended += ends;
            match result {
                InputEmpty if told_over && self.eof => return Ok(false),
                InputEmpty => {
                    if self.at == self.buffer.len() && !self.eof {
                        self.fill()?;
                    }
                }
                OutputFull => self.fields.resize(self.fields.len() * 2, 0),
                OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                Record => {
                    record.clear();
                    let mut start = 0;
                    for &end in &self.ends[..ended] {
                        record.push_field(&self.fields[start..end]);
                        start = end;
                    }
                    return Ok(true);
                }
                End => return Ok(false),
            }
        }
    }
}

/// A plain line's fields, at its `commas`, into `record`.
fn split_into(line: &[u8], commas: &[usize], record: &mut csv::ByteRecord) {
    record.clear();
    let mut start = 0;
    for &comma in commas {
        record.push_field(&line[start..comma]);
        start = comma + 1;
    }
    record.push_field(&line[start..]);
}

impl Rows for CsvRows<'_> {
    fn header(&self) -> &csv::StringRecord {
        &self.header
    }

    fn read(&mut self, record: &mut csv::StringRecord) -> Result<Next> {
        let mut bytes = std::mem::take(&mut self.bytes);
        let next = self.read_bytes(&mut bytes)?;
        if !matches!(next, Next::Row) {
            self.bytes = bytes;
            return Ok(next);
        }
        Ok(self.as_text(bytes, record))
    }

    fn read_plain(&mut self, plain: &mut PlainLine, record: &mut csv::StringRecord) -> Result<Row> {
        let found = self.find(&mut plain.ends).map_err(|e| self.unreadable(e))?;
        if let Found::Plain {
            line,
            next,
            with_feed,
        } = &found
        {
            if let Ok(text) = std::str::from_utf8(&self.buffer[line.clone()]) {
                plain.take(text);
                self.pass(*next, *with_feed);
                return Ok(Row::Plain);
            }
        }
        let mut bytes = std::mem::take(&mut self.bytes);
        let read = match found {
            Found::End => Ok(false),
            Found::Other => self.parse(&mut bytes),
            Found::Plain {
                line,
                next,
                with_feed,
            } => {
                split_into(&self.buffer[line], &plain.ends, &mut bytes);
                self.pass(next, with_feed);
                Ok(true)
            }
        };
        match read.map_err(|e| self.unreadable(e))? {
            true => Ok(Row::Other(self.as_text(bytes, record))),
            false => {
                self.bytes = bytes;
                Ok(Row::Other(Next::End))
            }
        }
    }

    fn read_bytes(&mut self, record: &mut csv::ByteRecord) -> Result<Next> {
        match self.next_record(record) {
            Ok(true) => Ok(Next::Row),
            Ok(false) => Ok(Next::End),
            Err(e) => Err(self.unreadable(e)),
        }
    }

    fn place(&self) -> Place {
        Place::Line(self.record_line)
    }

    fn progress(&self) -> u64 {
        self.taken
    }
}

#[cfg(test)]
mod tests {
    use super::super::rows::Fields;
    use super::*;
    use proptest::prelude::*;

    /// What a reader gives: each record's fields, or that it is not text; and the line it
    /// begins on.
    fn ours(text: &[u8], chunk: usize, plain_lines: bool) -> Vec<(Option<Vec<String>>, u64)> {
        let mut rows = match CsvRows::reading(Box::new(text), chunk) {
            Ok(rows) => rows,
            Err(_) => return Vec::new(),
        };
        let mut header: Vec<String> = rows.header().iter().map(str::to_string).collect();
        let mut got = vec![(Some(std::mem::take(&mut header)), 0)];
        let mut record = csv::StringRecord::new();
        let mut plain = PlainLine::default();
        loop {
            let read = match plain_lines {
                true => rows.read_plain(&mut plain, &mut record).unwrap(),
                false => Row::Other(rows.read(&mut record).unwrap()),
            };
            let line = rows.place().number();
            match read {
                Row::Plain => {
                    let fields = (0..)
                        .map_while(|at| plain.field(at).map(str::to_string))
                        .collect();
                    got.push((Some(fields), line))
                }
                Row::Other(Next::Row) => {
                    got.push((Some(record.iter().map(str::to_string).collect()), line))
                }
                Row::Other(Next::Bad(_)) => got.push((None, line)),
                Row::Other(Next::End) => return got,
            }
        }
    }

    /// The same from the `csv` crate, each record placed at its first byte that does not end a
    /// line: where it begins.
    fn theirs(text: &[u8]) -> Vec<(Option<Vec<String>>, u64)> {
        let text = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_reader(text);
        let mut got = Vec::new();
        let mut record = csv::ByteRecord::new();
        loop {
            let at = reader.position().byte() as usize;
            match reader.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => panic!("{e}"),
            }
            let start = at
                + text[at..]
                    .iter()
                    .take_while(|&&b| b == b'\n' || b == b'\r')
                    .count();
            let line = 1 + text[..start].iter().filter(|&&b| b == b'\n').count() as u64;
            let fields = csv::StringRecord::from_byte_record(record.clone())
                .ok()
                .map(|r| r.iter().map(str::to_string).collect());
            got.push((fields, if got.is_empty() { 0 } else { line }));
        }
        match got.first() {
            // No header: an empty one, as the `csv` crate's reader gives.
            None => vec![(Some(Vec::new()), 0)],
            Some((None, _)) => Vec::new(),
            Some(_) => got,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn records_and_lines_are_the_csv_crates(
            bytes in prop::collection::vec(
                prop::sample::select(vec![b'a', b'b', b',', b'"', b'\n', b'\r', b' ', 0xc3, 0xa9, 0xff]),
                0..80,
            ),
            bom in any::<bool>(),
            chunk in 1usize..9,
            plain_lines in any::<bool>(),
        ) {
            let mut text = if bom { b"\xef\xbb\xbf".to_vec() } else { Vec::new() };
            text.extend(bytes);
            prop_assert_eq!(ours(&text, chunk, plain_lines), theirs(&text));
        }
    }

    #[test]
    fn rows_are_placed_on_the_line_they_begin_on() {
        let text = b"a,b\r\n1,2\r\n\r\n\n3,\"x\ny\"\n4,5";
        let got = ours(text, 3, true);
        assert_eq!(got, ours(text, 3, false));
        let lines: Vec<u64> = got.iter().map(|(_, line)| *line).collect();
        assert_eq!(lines, vec![0, 2, 5, 7]);
        assert_eq!(got[2].0, Some(vec!["3".to_string(), "x\ny".to_string()]));
    }
}
