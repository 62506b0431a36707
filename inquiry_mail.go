package ratsinfo

import (
	"fmt"
	"sort"
	"strings"
)

// Kinds of mail about an inquiry that do not follow from one audit entry:
// the daily look at the deadlines writes them.
const (
	MailReminder = "reminder" // the deadline is N days away
	MailOverdue  = "overdue"  // the deadline passed without a published answer
)

// InquiryMailAudience says who hears of a step: the inquirers (council members
// whose person asks, the faction office of the asking faction), the council
// office of the body, the answering unit, sign-off.
type InquiryMailAudience struct {
	Inquirers, Office, Unit, SignOff bool
}

// inquiryMailAudience maps an audit action (or MailReminder, MailOverdue) to
// its audience; actions missing here (drafts, edits, answers in progress)
// send nothing.
var inquiryMailAudience = map[string]InquiryMailAudience{
	string(ActionSubmit):       {Inquirers: true, Office: true},
	string(ActionRegister):     {Inquirers: true, Unit: true},
	string(ActionSubmitAnswer): {SignOff: true},
	string(ActionSendBack):     {Unit: true},
	string(ActionApprove):      {Unit: true, Office: true},
	string(ActionPublish):      {Inquirers: true, Unit: true},
	MailReminder:               {Unit: true},
	MailOverdue:                {Unit: true, Office: true},
}

// InquiryMailRecipients returns the e-mail addresses of the enabled accounts
// that hear of kind (an audit action, MailReminder or MailOverdue) on inquiry
// q, sorted and without duplicates. An outside inquirer has no account and
// gets no mail.
func InquiryMailRecipients(kind string, q *Inquiry, accounts []*Account) []string {
	aud, ok := inquiryMailAudience[kind]
	if !ok {
		return nil
	}
	seen := map[string]bool{}
	for _, a := range accounts {
		if a.Disabled || a.Email == "" {
			continue
		}
		for _, g := range a.Grants {
			if g.BodyID != q.BodyID {
				continue
			}
			hit := false
			switch g.Role {
			case GrantCouncilMember:
				hit = aud.Inquirers && containsID(q.InquirerPersonIDs, g.PersonID)
			case GrantFactionOffice:
				hit = aud.Inquirers && q.FactionID != 0 && g.OrganizationID == q.FactionID
			case GrantCouncilOffice:
				hit = aud.Office
			case GrantUnit:
				hit = aud.Unit && q.UnitID != 0 && g.OrganizationID == q.UnitID
			case GrantSignOff:
				hit = aud.SignOff
			}
			if hit {
				seen[strings.ToLower(a.Email)] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for e := range seen {
		out = append(out, e)
	}
	sort.Strings(out)
	return out
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id && id != 0 {
			return true
		}
	}
	return false
}

// InquiryMail writes the German mail of kind (an audit action, MailReminder or
// MailOverdue) about q, without the recipient. base is the site's absolute
// address without a trailing slash; note is the audit entry's note (the
// comment of a send-back). ok is false for kinds that send nothing.
func InquiryMail(kind string, q *Inquiry, base, note string) (m Mail, ok bool) {
	name := q.Title
	if q.Reference != "" {
		name = q.Reference + " " + q.Title
	}
	office := fmt.Sprintf("%s/buero/anfragen/%d", base, q.ID)
	var b strings.Builder
	b.WriteString("Guten Tag,\n\n")
	switch kind {
	case string(ActionSubmit):
		m.Subject = "Eingangsbestätigung: Anfrage „" + q.Title + "“"
		fmt.Fprintf(&b, "die Anfrage „%s“ ist eingereicht und liegt dem Büro der Stadtvertretung vor.\n", q.Title)
		b.WriteString("Das Büro registriert sie, bestimmt die beantwortende Stelle und die Frist; darüber erhalten Sie eine weitere Nachricht.\n")
	case string(ActionRegister):
		m.Subject = "Anfrage " + name + " registriert, Frist bis " + q.Deadline.Day.German()
		fmt.Fprintf(&b, "die Anfrage „%s“ ist registriert.\n\nAktenzeichen: %s\nEingang: %s\n%s.\n",
			q.Title, q.Reference, q.ReceivedOn.German(), q.Deadline.Explain())
		if !q.Period.IsZero() {
			fmt.Fprintf(&b, "Die Frist beträgt %s ab Eingang.\n", q.Period.German())
		}
		if q.DeadlineNote != "" {
			fmt.Fprintf(&b, "Begründung der abweichenden Frist: %s\n", q.DeadlineNote)
		}
	case string(ActionSubmitAnswer):
		m.Subject = "Zur Freigabe: Antwort auf die Anfrage " + name
		fmt.Fprintf(&b, "die Antwort auf die Anfrage „%s“ wartet auf Ihre Freigabe.\n", q.Title)
	case string(ActionSendBack):
		m.Subject = "Zur Überarbeitung zurück: Antwort auf die Anfrage " + name
		fmt.Fprintf(&b, "die Antwort auf die Anfrage „%s“ wurde zur Überarbeitung zurückgegeben.\n", q.Title)
		if note != "" {
			fmt.Fprintf(&b, "\nBemerkung: %s\n", note)
		}
	case string(ActionApprove):
		m.Subject = "Freigegeben: Antwort auf die Anfrage " + name
		fmt.Fprintf(&b, "die Antwort auf die Anfrage „%s“ ist freigegeben und kann veröffentlicht werden.\n", q.Title)
	case string(ActionPublish):
		m.Subject = "Beantwortet: Anfrage " + name
		fmt.Fprintf(&b, "die Antwort auf die Anfrage „%s“ ist veröffentlicht.\n\nÖffentlich lesbar unter:\n%s/anfragen/%d\n", q.Title, base, q.ID)
	case MailReminder:
		m.Subject = "Erinnerung: Frist der Anfrage " + name + " endet am " + q.Deadline.Day.German()
		fmt.Fprintf(&b, "die Frist zur Beantwortung der Anfrage „%s“ endet am %s. Die Antwort ist noch nicht veröffentlicht.\n",
			q.Title, q.Deadline.Day.German())
	case MailOverdue:
		m.Subject = "Frist überschritten: Anfrage " + name
		fmt.Fprintf(&b, "die Frist zur Beantwortung der Anfrage „%s“ ist am %s abgelaufen, ohne dass eine Antwort veröffentlicht wurde.\n",
			q.Title, q.Deadline.Day.German())
		b.WriteString("Bitte geben Sie eine Zwischennachricht oder beantragen Sie eine Fristverlängerung mit Begründung.\n")
	default:
		return Mail{}, false
	}
	fmt.Fprintf(&b, "\nZur Anfrage im Büro:\n%s\n\n-- \nDiese Nachricht hat das Ratsinformationssystem automatisch verschickt.\n", office)
	m.Text = b.String()
	return m, true
}
