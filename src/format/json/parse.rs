//! A JSON parser (RFC 8259) into a tree that borrows from the text: strings without escapes and
//! numbers are slices of it. It is small, and fast for carts of many lines, and it says where in
//! the text it stopped, so that an error names the path of the value being read.

use std::borrow::Cow;

/// A parsed JSON value. Numbers keep their text; the readers decide what they may be.
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'t> {
    Null,
    Bool(bool),
    Number(&'t str),
    Text(Cow<'t, str>),
    List(Vec<Node<'t>>),
    /// Members in the text's order; a repeated name is read as its last value.
    Object(Vec<(Cow<'t, str>, Node<'t>)>),
}

impl<'t> Node<'t> {
    /// The value of member `name`, the last one when it is repeated.
    pub fn get(&self, name: &str) -> Option<&Node<'t>> {
        match self {
            Node::Object(members) => members
                .iter()
                .rev()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value),
            _ => None,
        }
    }
}

/// Nesting deeper than this is refused, as serde_json does, so that no input overflows the stack.
pub const MAX_DEPTH: usize = 128;

/// Why and where the text stopped being JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syntax {
    /// The byte offset where the problem was found.
    pub at: usize,
    pub message: &'static str,
    pub too_deep: bool,
}

pub struct Parser<'t> {
    text: &'t str,
    at: usize,
    depth: usize,
    /// Members and items of the objects and lists being parsed, moved out into one vector of
    /// the right size when each closes: one allocation per object instead of one per growth.
    members: Vec<(Cow<'t, str>, Node<'t>)>,
    items: Vec<Node<'t>>,
}

/// Parses a whole text holding one value.
pub fn parse(text: &str) -> Result<Node<'_>, Syntax> {
    let mut parser = Parser::new(text);
    let value = parser.value()?;
    parser.end()?;
    Ok(value)
}

impl<'t> Parser<'t> {
    pub fn new(text: &'t str) -> Parser<'t> {
        Parser {
            text,
            at: 0,
            depth: 0,
            members: Vec::new(),
            items: Vec::new(),
        }
    }

    fn bytes(&self) -> &'t [u8] {
        self.text.as_bytes()
    }

    fn fail<T>(&self, message: &'static str) -> Result<T, Syntax> {
        Err(Syntax {
            at: self.at,
            message,
            too_deep: false,
        })
    }

    pub fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes().get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte after any whitespace, not consumed.
    pub fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes().get(self.at).copied()
    }

    /// Consumes `byte` (after whitespace), or fails with `message`.
    pub fn expect(&mut self, byte: u8, message: &'static str) -> Result<(), Syntax> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            self.fail(message)
        }
    }

    /// Nothing but whitespace may follow the value.
    pub fn end(&mut self) -> Result<(), Syntax> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.fail("trailing characters"),
        }
    }

    pub fn value(&mut self) -> Result<Node<'t>, Syntax> {
        match self.peek() {
            None => self.fail("EOF while parsing a value"),
            Some(b'{') => self.nested(Parser::object),
            Some(b'[') => self.nested(Parser::list),
            Some(b'"') => Ok(Node::Text(self.string()?)),
            Some(b't') => self.word("true", Node::Bool(true)),
            Some(b'f') => self.word("false", Node::Bool(false)),
            Some(b'n') => self.word("null", Node::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.fail("expected value"),
        }
    }

    fn nested(
        &mut self,
        read: fn(&mut Parser<'t>) -> Result<Node<'t>, Syntax>,
    ) -> Result<Node<'t>, Syntax> {
        if self.depth == MAX_DEPTH {
            return Err(Syntax {
                at: self.at,
                message: "recursion limit exceeded",
                too_deep: true,
            });
        }
        self.depth += 1;
        let node = read(self);
        self.depth -= 1;
        node
    }

    fn word(&mut self, word: &'static str, node: Node<'t>) -> Result<Node<'t>, Syntax> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(node)
        } else {
            self.fail("expected value")
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.bytes().get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Node<'t>, Syntax> {
        let start = self.at;
        if self.bytes()[self.at] == b'-' {
            self.at += 1;
        }
        match self.bytes().get(self.at) {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.fail("invalid number"),
        }
        if self.bytes().get(self.at) == Some(&b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return self.fail("invalid number");
            }
        }
        if let Some(b'e' | b'E') = self.bytes().get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes().get(self.at) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return self.fail("invalid number");
            }
        }
        Ok(Node::Number(&self.text[start..self.at]))
    }

    /// A string; borrowed from the text unless it holds escapes.
    pub fn string(&mut self) -> Result<Cow<'t, str>, Syntax> {
        self.expect(b'"', "expected a string")?;
        let start = self.at;
        let bytes = self.bytes();
        loop {
            match bytes.get(self.at) {
                None => return self.fail("EOF while parsing a string"),
                Some(b'"') => {
                    let text = &self.text[start..self.at];
                    self.at += 1;
                    return Ok(Cow::Borrowed(text));
                }
                Some(b'\\') => break,
                Some(0..=0x1f) => {
                    return self
                        .fail("control character (\\u0000-\\u001F) found while parsing a string")
                }
                Some(_) => self.at += 1,
            }
        }
        let mut owned = String::from(&self.text[start..self.at]);
        loop {
            match bytes.get(self.at) {
                None => return self.fail("EOF while parsing a string"),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = match bytes.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            owned.push(self.unicode_escape()?);
                            continue;
                        }
                        _ => return self.fail("invalid escape"),
                    };
                    owned.push(escaped);
                    self.at += 1;
                }
                Some(0..=0x1f) => {
                    return self
                        .fail("control character (\\u0000-\\u001F) found while parsing a string")
                }
                Some(_) => {
                    // Copy up to the next quote or backslash in one go.
                    let run_start = self.at;
                    while bytes
                        .get(self.at)
                        .is_some_and(|b| !matches!(b, b'"' | b'\\' | 0..=0x1f))
                    {
                        self.at += 1;
                    }
                    owned.push_str(&self.text[run_start..self.at]);
                }
            }
        }
    }

    /// The four hex digits after `\u` (and a second escape for a surrogate pair).
    fn unicode_escape(&mut self) -> Result<char, Syntax> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text[self.at..].starts_with("\\u") {
                    return self.fail("lone leading surrogate in hex escape");
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return self.fail("lone leading surrogate in hex escape");
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return self.fail("lone trailing surrogate in hex escape"),
            code => code,
        };
        char::from_u32(code).map_or_else(|| self.fail("invalid unicode code point"), Ok)
    }

    fn hex4(&mut self) -> Result<u32, Syntax> {
        let digits = self.text.get(self.at..self.at + 4);
        match digits.and_then(|d| {
            d.bytes()
                .all(|b| b.is_ascii_hexdigit())
                .then(|| u32::from_str_radix(d, 16).ok())
                .flatten()
        }) {
            Some(value) => {
                self.at += 4;
                Ok(value)
            }
            None => self.fail("invalid escape"),
        }
    }

    fn list(&mut self) -> Result<Node<'t>, Syntax> {
        self.at += 1; // [
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Node::List(Vec::new()));
        }
        let first = self.items.len();
        loop {
            let item = self.value()?;
            self.items.push(item);
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Node::List(self.items.drain(first..).collect()));
                }
                None => return self.fail("EOF while parsing a list"),
                Some(_) => return self.fail("expected `,` or `]`"),
            }
        }
    }

    fn object(&mut self) -> Result<Node<'t>, Syntax> {
        self.at += 1; // {
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Node::Object(Vec::new()));
        }
        let first = self.members.len();
        loop {
            match self.peek() {
                Some(b'"') => {}
                None => return self.fail("EOF while parsing an object"),
                Some(_) => return self.fail("key must be a string"),
            }
            let key = self.string()?;
            self.expect(b':', "expected `:`")?;
            let value = self.value()?;
            self.members.push((key, value));
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Node::Object(self.members.drain(first..).collect()));
                }
                None => return self.fail("EOF while parsing an object"),
                Some(_) => return self.fail("expected `,` or `}`"),
            }
        }
    }

    /// Reads an object member by member, handing each name and the parser (positioned at the
    /// member's value) to `member`, which must consume the value: how a large list inside an
    /// object is read one item at a time instead of as one tree.
    pub fn members(
        &mut self,
        mut member: impl FnMut(&mut Parser<'t>, Cow<'t, str>) -> Result<(), Syntax>,
    ) -> Result<(), Syntax> {
        self.expect(b'{', "expected an object")?;
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            match self.peek() {
                Some(b'"') => {}
                None => return self.fail("EOF while parsing an object"),
                Some(_) => return self.fail("key must be a string"),
            }
            let key = self.string()?;
            self.expect(b':', "expected `:`")?;
            member(self, key)?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(());
                }
                None => return self.fail("EOF while parsing an object"),
                Some(_) => return self.fail("expected `,` or `}`"),
            }
        }
    }

    /// Reads a list item by item, handing the parser (positioned at each item) to `item`, which
    /// must consume it.
    pub fn items(
        &mut self,
        mut item: impl FnMut(&mut Parser<'t>) -> Result<(), Syntax>,
    ) -> Result<(), Syntax> {
        self.expect(b'[', "expected a list")?;
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(());
                }
                None => return self.fail("EOF while parsing a list"),
                Some(_) => return self.fail("expected `,` or `]`"),
            }
        }
    }

    /// Where the parser stands in the text.
    pub fn offset(&self) -> usize {
        self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_parse_and_strings_without_escapes_are_borrowed() {
        let node =
            parse(r#" {"a": [1, -2.5e3, true, null, "x\u00e9\ud83d\ude00\n"], "b": "plain"} "#)
                .unwrap();
        let Node::Object(members) = &node else {
            panic!("not an object")
        };
        assert_eq!(members.len(), 2);
        assert_eq!(
            node.get("a"),
            Some(&Node::List(vec![
                Node::Number("1"),
                Node::Number("-2.5e3"),
                Node::Bool(true),
                Node::Null,
                Node::Text(Cow::Owned("xé😀\n".into())),
            ]))
        );
        assert!(matches!(
            node.get("b"),
            Some(Node::Text(Cow::Borrowed("plain")))
        ));
    }

    #[test]
    fn a_repeated_name_reads_as_its_last_value() {
        assert_eq!(
            parse(r#"{"a": 1, "a": 2}"#).unwrap().get("a"),
            Some(&Node::Number("2"))
        );
    }

    #[test]
    fn malformed_text_is_refused_where_it_goes_wrong() {
        for (text, at) in [
            ("", 0),
            ("{\"a\" 1}", 5),
            ("[1,]", 3),
            ("01", 1),
            ("1.", 2),
            ("\"a", 2),
            ("\"\\x\"", 2),
            ("\"\\ud800\"", 7),
            ("{1: 2}", 1),
            ("[1] x", 4),
            ("tru", 0),
            ("\"a\u{1}\"", 2),
        ] {
            assert_eq!(parse(text).unwrap_err().at, at, "{text:?}");
        }
    }

    #[test]
    fn nesting_past_the_limit_is_too_deep_not_a_stack_overflow() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(&deep).unwrap_err().too_deep);
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
    }
}
