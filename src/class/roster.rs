//! A class roster as instructors keep one: a CSV file of `name,email`
//! rows (a header row is allowed, quotes as spreadsheets write them).
//! Every problem names its line, and a roster with any problem adds no one.

/// One person to invite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub email: String,
}

/// Reads a roster; `file` names it in problems.
pub fn parse(file: &str, text: &str) -> Result<Vec<Entry>, Vec<String>> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fields = match split(line) {
            Ok(fields) => fields,
            Err(why) => {
                problems.push(format!("{file}:{number}: {why}"));
                continue;
            }
        };
        let fields: Vec<&str> = fields.iter().map(|f| f.trim()).collect();
        if index == 0
            && fields
                .first()
                .is_some_and(|f| f.eq_ignore_ascii_case("name"))
        {
            continue;
        }
        match fields.as_slice() {
            [name, email] => {
                let email = crate::class::accounts::normalise_email(email);
                if name.is_empty() {
                    problems.push(format!("{file}:{number}: the name is empty"));
                } else if !plausible_email(&email) {
                    problems.push(format!(
                        "{file}:{number}: {email:?} does not look like an email address"
                    ));
                } else if entries.iter().any(|e| e.email == email) {
                    problems.push(format!("{file}:{number}: {email} is listed twice"));
                } else {
                    entries.push(Entry {
                        name: (*name).to_string(),
                        email,
                    });
                }
            }
            _ => problems.push(format!(
                "{file}:{number}: expected two fields, name and email, but found {}",
                fields.len()
            )),
        }
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

fn plausible_email(email: &str) -> bool {
    email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && !domain.is_empty() && !email.contains(char::is_whitespace)
    })
}

/// Splits one CSV line; a quoted field may hold commas and `""`.
fn split(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (_, c) => field.push(c),
        }
    }
    if quoted {
        return Err("a quoted field is not closed".into());
    }
    fields.push(field);
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_spreadsheet_export() {
        let text =
            "Name,Email\n\"Lovelace, Ada\",ADA@example.com\nGrace Hopper, grace@example.com\n\n";
        let entries = parse("roster.csv", text).unwrap();
        assert_eq!(
            entries,
            vec![
                Entry {
                    name: "Lovelace, Ada".into(),
                    email: "ada@example.com".into()
                },
                Entry {
                    name: "Grace Hopper".into(),
                    email: "grace@example.com".into()
                },
            ]
        );
    }

    #[test]
    fn every_problem_names_its_line() {
        let text = "Ada,ada@example.com\nGrace\nAlan,not-an-email\nAda Again,ada@example.com\n\"Open,x@y.z";
        let problems = parse("roster.csv", text).unwrap_err();
        assert_eq!(
            problems,
            vec![
                "roster.csv:2: expected two fields, name and email, but found 1",
                "roster.csv:3: \"not-an-email\" does not look like an email address",
                "roster.csv:4: ada@example.com is listed twice",
                "roster.csv:5: a quoted field is not closed",
            ]
        );
    }
}
