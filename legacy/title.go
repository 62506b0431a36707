package legacy

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// months are the German month names as dates in documents spell them.
var months = map[string]time.Month{
	"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6,
	"juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}

// dateExpr matches a German date in both forms: "16. Januar 2023" and
// "16.01.2023" (also "16.1.23").
const dateExpr = `\d{1,2}\.\s?(?:\d{1,2}\.\s?(?:\d{4}|\d{2})|(?i:januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)\s\d{4})`

var dateRe = regexp.MustCompile(`^` + dateExpr + `$`)

// parseDate reads a German date and returns it as YYYY-MM-DD, or "" if s is no
// valid date.
func parseDate(s string) string {
	s = strings.TrimSpace(s)
	if !dateRe.MatchString(s) {
		return ""
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ' ' })
	if len(parts) != 3 {
		return ""
	}
	day, err := strconv.Atoi(parts[0])
	if err != nil {
		return ""
	}
	var month time.Month
	if m, ok := months[strings.ToLower(parts[1])]; ok {
		month = m
	} else {
		n, err := strconv.Atoi(parts[1])
		if err != nil {
			return ""
		}
		month = time.Month(n)
	}
	year, err := strconv.Atoi(parts[2])
	if err != nil {
		return ""
	}
	if len(parts[2]) == 2 {
		year += 2000
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || t.Month() != month || t.Year() != year {
		return "" // 31.02. and the like
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, int(month), day)
}

// titleRe reads the title of an answer or an inquiry: who asks (with an
// optional faction in parentheses), about what, and of which date.
var titleRe = regexp.MustCompile(`^(?i:(?P<kind>Beantwortung|Antwort auf|Anfrage)(?: (?:der|die))?(?: (?:kleinen|schriftlichen|mündlichen|großen))?(?: Anfrage)?)` +
	`(?: (?:von|der|des))? (?P<who>.+?)(?: \((?P<org>[^()]+)\))?,? (?:zum Thema|zum|zur|zu|betreffend|betr\.|bezüglich|über) „?(?P<subject>.+?)“?` +
	`(?:,? vom (?P<date>` + dateExpr + `))?\.?$`)

// nominative turns the title's inquirer into the nominative: "Herrn Pender" →
// "Herr Pender", "des Ratsherrn Meyer" → "Ratsherr Meyer".
var nominative = map[string]string{
	"Herrn": "Herr", "Ratsherrn": "Ratsherr", "Stadtvertreters": "Stadtvertreter", "Ratsmitglieds": "Ratsmitglied",
	"Ratsmitgliedes": "Ratsmitglied", "Abgeordneten": "Abgeordneter", "Bürgers": "Bürger", "Einwohners": "Einwohner",
	"Kreistagsabgeordneten": "Kreistagsabgeordneter", "Stadtverordneten": "Stadtverordneter",
}

// groupWords mark an inquirer that is a faction or group, not a person.
var groupRe = regexp.MustCompile(`(?i)fraktion|gruppe|wählergemeinschaft`)

// parseTitle fills the fields derived from the title.
func (d *Document) parseTitle() {
	t := strings.Join(strings.Fields(d.Title), " ")
	m := titleRe.FindStringSubmatch(t)
	if m == nil {
		lower := strings.ToLower(t)
		switch {
		case strings.HasPrefix(lower, "beantwortung") || strings.HasPrefix(lower, "antwort auf"):
			d.PaperType = PaperTypeAnswer
		case strings.Contains(lower, "mitteilungsvorlage") || strings.HasPrefix(lower, "mitteilung"):
			d.PaperType = PaperTypeInformation
		}
		return
	}
	get := func(name string) string { return strings.TrimSpace(m[titleRe.SubexpIndex(name)]) }
	if strings.EqualFold(get("kind"), "Anfrage") {
		d.PaperType = PaperTypeInquiry
	} else {
		d.PaperType = PaperTypeAnswer
	}
	who := get("who")
	article := ""
	for _, a := range []string{"der ", "des ", "von "} {
		if strings.HasPrefix(who, a) {
			article, who = a, strings.TrimPrefix(who, a)
		}
	}
	if groupRe.MatchString(who) && !strings.HasPrefix(who, "Herr") && !strings.HasPrefix(who, "Frau") {
		d.InquirerOrganization = who
	} else {
		words := strings.Fields(who)
		for i, w := range words {
			if n, ok := nominative[w]; ok {
				if w == "Abgeordneten" && article == "der " {
					n = "Abgeordnete"
				}
				words[i] = n
			}
		}
		d.Inquirer = strings.Join(words, " ")
	}
	if org := get("org"); org != "" {
		d.InquirerOrganization = org
	}
	d.Subject = get("subject")
	d.InquiryDate = parseDate(get("date"))
}

// Paper types as the glossary names them.
const (
	PaperTypeAnswer      = "Beantwortung einer Anfrage"
	PaperTypeInquiry     = "Anfrage"
	PaperTypeInformation = "Mitteilungsvorlage"
)
