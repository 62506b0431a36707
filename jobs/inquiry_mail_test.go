package jobs_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/mailtest"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
	"github.com/ratsinfo/ratsinfo/jobs"
	"github.com/ratsinfo/ratsinfo/mail"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

const mailBase = "https://rat.norderstedt.de"

// mailCity is a body with one account per role of the inquiry path, plus a
// unit that does not answer and a disabled office account: neither may get
// a mail.
type mailCity struct {
	body, person, faction, unit                             int64
	member, factionOffice, office, unitStaff, signer        context.Context
	memberMail, factionMail, officeMail, unitMail, signMail string
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func newMailCity(t *testing.T, db *sqldb.DB) *mailCity {
	t.Helper()
	sys := ratsinfo.SystemContext(context.Background())
	body := &ratsinfo.Body{Name: "Stadt Norderstedt"}
	must(t, db.CreateBody(sys, body))
	person := &ratsinfo.Person{BodyID: body.ID, GivenName: "Erika", FamilyName: "Muster"}
	must(t, db.CreatePerson(sys, person))
	faction := &ratsinfo.Organization{BodyID: body.ID, Name: "Fraktion Bürgerliste", OrganizationType: ratsinfo.OrgTypeFaction}
	must(t, db.CreateOrganization(sys, faction))
	unit := &ratsinfo.Organization{BodyID: body.ID, Name: "Amt für Stadtentwicklung", OrganizationType: ratsinfo.OrgTypeAdminUnit}
	must(t, db.CreateOrganization(sys, unit))
	other := &ratsinfo.Organization{BodyID: body.ID, Name: "Amt für Finanzen", OrganizationType: ratsinfo.OrgTypeAdminUnit}
	must(t, db.CreateOrganization(sys, other))
	account := func(email string, g ratsinfo.Grant, disabled bool) context.Context {
		g.BodyID = body.ID
		a := &ratsinfo.Account{Email: email, Name: strings.Split(email, "@")[0], Grants: []ratsinfo.Grant{g}}
		must(t, db.CreateAccount(sys, a))
		if disabled {
			must(t, db.UpdateAccount(sys, a.ID, ratsinfo.AccountUpdate{Disabled: &disabled}))
		}
		return ratsinfo.WithViewer(context.Background(), ratsinfo.AccountViewer(a))
	}
	c := &mailCity{body: body.ID, person: person.ID, faction: faction.ID, unit: unit.ID,
		memberMail: "erika.muster@example.org", factionMail: "buergerliste@example.org", officeMail: "buero@example.org",
		unitMail: "stadtentwicklung@example.org", signMail: "oberbuergermeisterin@example.org"}
	c.member = account(c.memberMail, ratsinfo.Grant{Role: ratsinfo.GrantCouncilMember, PersonID: person.ID}, false)
	c.factionOffice = account(c.factionMail, ratsinfo.Grant{Role: ratsinfo.GrantFactionOffice, OrganizationID: faction.ID}, false)
	c.office = account(c.officeMail, ratsinfo.Grant{Role: ratsinfo.GrantCouncilOffice}, false)
	c.unitStaff = account(c.unitMail, ratsinfo.Grant{Role: ratsinfo.GrantUnit, OrganizationID: unit.ID}, false)
	c.signer = account(c.signMail, ratsinfo.Grant{Role: ratsinfo.GrantSignOff}, false)
	account("finanzen@example.org", ratsinfo.Grant{Role: ratsinfo.GrantUnit, OrganizationID: other.ID}, false)
	account("ehemals@example.org", ratsinfo.Grant{Role: ratsinfo.GrantCouncilOffice}, true)
	return c
}

// submitAndRegister creates, submits and registers an inquiry received on
// 31.03.2023: its deadline is 02.05.2023 (30.04. a Sunday, 01.05. a holiday).
func (c *mailCity) submitAndRegister(t *testing.T, db *sqldb.DB, title string) *ratsinfo.Inquiry {
	t.Helper()
	q := &ratsinfo.Inquiry{BodyID: c.body, Title: title, InquirerPersonIDs: []int64{c.person}, FactionID: c.faction,
		Questions: []ratsinfo.Question{{Text: "Wie hoch waren die Reisekosten?"}}}
	must(t, db.CreateInquiry(c.member, q))
	_, err := db.StepInquiry(c.member, q.ID, ratsinfo.ActionSubmit, "")
	must(t, err)
	q, err = db.RegisterInquiry(c.office, q.ID, ratsinfo.Registration{ReceivedOn: ratsinfo.NewDate(2023, 3, 31), UnitID: c.unit})
	must(t, err)
	if q.Deadline.Day != ratsinfo.NewDate(2023, 5, 2) {
		t.Fatalf("deadline %s, want 2023-05-02", q.Deadline.Day)
	}
	return q
}

// waitMails waits until Mailpit holds n mails, and a moment longer to see
// that no more come.
func waitMails(t *testing.T, mp *mailtest.Server, n int) []mailtest.Message {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		got := mp.Messages(t)
		if len(got) >= n {
			time.Sleep(500 * time.Millisecond)
			got = mp.Messages(t)
			if len(got) != n {
				t.Fatalf("%d mails, want %d: %v", len(got), n, got)
			}
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d mails after a minute, want %d: %v", len(got), n, got)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// mailsTo returns the subjects of the mails to each address, sorted.
func mailsTo(msgs []mailtest.Message) map[string][]string {
	out := map[string][]string{}
	for _, m := range msgs {
		for _, to := range m.To {
			out[to] = append(out[to], m.Subject)
		}
	}
	for _, s := range out {
		sort.Strings(s)
	}
	return out
}

func find(t *testing.T, msgs []mailtest.Message, to, subject string) mailtest.Message {
	t.Helper()
	for _, m := range msgs {
		if len(m.To) == 1 && m.To[0] == to && strings.HasPrefix(m.Subject, subject) {
			return m
		}
	}
	t.Fatalf("no mail %q to %s among %v", subject, to, msgs)
	return mailtest.Message{}
}

func mailQueue(t *testing.T, db *sqldb.DB, m *jobs.InquiryMails, sender ratsinfo.MailSender, id string) *jobs.Queue {
	t.Helper()
	// Periodic jobs far apart: the test runs the scans itself, so that it
	// knows when a restart falls between enqueueing and the checkpoint.
	register, _ := jobs.Mails(m, sender, time.Hour, time.Hour)
	q, err := jobs.New(jobs.Config{Dialect: db.Dialect(), DB: db.JobPool(), ID: id, Register: register,
		Queues: map[string]int{jobs.MailQueue: 2}, PollInterval: 100 * time.Millisecond})
	must(t, err)
	return q
}

// TestInquiryMails walks an inquiry from submission to publication through the
// store, runs the mail jobs and reads the mails from a real SMTP server:
// who gets which mail, in German, with links; a restart between enqueueing and
// the checkpoint sends nothing twice; reminders and overdue notices follow a
// test clock and are sent once per deadline.
func TestInquiryMails(t *testing.T) {
	eachDB(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		sys := ratsinfo.SystemContext(ctx)
		mp := mailtest.Start(t)
		sender, err := mail.New(mail.Config{SMTPURL: mp.SMTPURL, From: "ratsinfo@norderstedt.de"})
		must(t, err)
		db := openStore(t, dsn)
		defer db.Close()
		must(t, jobs.Migrate(ctx, db.Dialect(), db.JobPool(), nil))
		c := newMailCity(t, db)
		now := time.Date(2023, 4, 3, 9, 0, 0, 0, time.UTC)
		m := &jobs.InquiryMails{Store: db, BaseURL: mailBase, Now: func() time.Time { return now }}

		q := c.submitAndRegister(t, db, "Smart City Offensive")
		queue := mailQueue(t, db, m, sender, "a")
		n, err := m.ScanEvents(ctx, queue)
		must(t, err)
		if n != 6 {
			t.Fatalf("receipt and registration enqueue %d mails, want 6 (3 + 3)", n)
		}
		// A crash before the checkpoint was written: the next scan reads the
		// same events again, and no mail goes out twice.
		must(t, db.SetCheckpoint(sys, "inquiry_mail/event", ""))
		_, err = m.ScanEvents(ctx, queue)
		must(t, err)
		must(t, queue.Start(ctx))
		msgs := waitMails(t, mp, 6)
		want := map[string][]string{
			c.memberMail:  {"Anfrage A 23/0001 Smart City Offensive registriert, Frist bis 02.05.2023", "Eingangsbestätigung: Anfrage „Smart City Offensive“"},
			c.factionMail: {"Anfrage A 23/0001 Smart City Offensive registriert, Frist bis 02.05.2023", "Eingangsbestätigung: Anfrage „Smart City Offensive“"},
			c.officeMail:  {"Eingangsbestätigung: Anfrage „Smart City Offensive“"},
			c.unitMail:    {"Anfrage A 23/0001 Smart City Offensive registriert, Frist bis 02.05.2023"},
		}
		if got := mailsTo(msgs); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("mails:\n got %v\nwant %v", got, want)
		}
		reg := find(t, msgs, c.unitMail, "Anfrage A 23/0001")
		office := fmt.Sprintf("%s/buero/anfragen/%d", mailBase, q.ID)
		for _, s := range []string{"Aktenzeichen: A 23/0001", "Eingang: 31.03.2023", "Frist bis 02.05.2023 (rechnerisch", "1 Monat", office} {
			if !strings.Contains(reg.Text, s) {
				t.Errorf("registration mail lacks %q:\n%s", s, reg.Text)
			}
		}

		// A restart: the queue stops, a new one takes over, the path goes on.
		must(t, queue.Stop(ctx))
		queue = mailQueue(t, db, m, sender, "b")
		must(t, queue.Start(ctx))
		defer queue.Stop(ctx)
		_, err = db.AnswerQuestion(c.unitStaff, q.ID, 1, "1.234,56 Euro.", time.Time{})
		must(t, err)
		_, err = db.StepInquiry(c.unitStaff, q.ID, ratsinfo.ActionSubmitAnswer, "")
		must(t, err)
		_, err = db.StepInquiry(c.signer, q.ID, ratsinfo.ActionSendBack, "Bitte die Kosten aufschlüsseln.")
		must(t, err)
		_, err = db.StepInquiry(c.unitStaff, q.ID, ratsinfo.ActionSubmitAnswer, "")
		must(t, err)
		_, err = db.StepInquiry(c.signer, q.ID, ratsinfo.ActionApprove, "")
		must(t, err)
		doc := ratsinfo.AnswerDocument{Title: "Beantwortung der Anfrage von Frau Muster zum Thema Smart City Offensive vom 31.03.2023"}
		file := ratsinfo.PublishedFile{BlobKey: "ab" + strings.Repeat("0", 62), Size: 1234, FileName: "Beantwortung_A_23-0001.pdf", Text: "Antwort"}
		_, err = db.PublishInquiry(c.office, q.ID, doc, file)
		must(t, err)
		_, err = m.ScanEvents(ctx, queue)
		must(t, err)
		// submit_answer ×2 (sign-off), send_back (unit), approve (unit, office),
		// publish (member, faction, unit).
		msgs = waitMails(t, mp, 6+8)
		back := find(t, msgs, c.unitMail, "Zur Überarbeitung zurück")
		if !strings.Contains(back.Text, "Bemerkung: Bitte die Kosten aufschlüsseln.") {
			t.Errorf("send-back mail without the comment:\n%s", back.Text)
		}
		pub := find(t, msgs, c.memberMail, "Beantwortet: Anfrage A 23/0001")
		if public := fmt.Sprintf("%s/anfragen/%d", mailBase, q.ID); !hasLine(pub.Text, public) || !strings.Contains(pub.Text, "ist veröffentlicht") {
			t.Errorf("publish mail without the public link %s:\n%s", public, pub.Text)
		}
		got := mailsTo(msgs)
		if len(got[c.signMail]) != 2 || len(got["finanzen@example.org"]) != 0 || len(got["ehemals@example.org"]) != 0 {
			t.Fatalf("mails by recipient: %v", got)
		}

		// Deadlines: a second inquiry stays open.
		open := c.submitAndRegister(t, db, "Radwege am Knotenpunkt")
		_, err = m.ScanEvents(ctx, queue)
		must(t, err)
		waitMails(t, mp, 14+6)
		now = time.Date(2023, 4, 28, 9, 0, 0, 0, time.UTC) // four days before: too early
		n, err = m.CheckDeadlines(ctx, queue)
		must(t, err)
		if n != 0 {
			t.Fatalf("%d reminders four days before the deadline", n)
		}
		now = time.Date(2023, 4, 29, 9, 0, 0, 0, time.UTC) // three days before
		for i := 0; i < 2; i++ {
			n, err = m.CheckDeadlines(ctx, queue)
			must(t, err)
			if want := 1 - i; n != want {
				t.Fatalf("look %d three days before: %d reminders, want %d", i+1, n, want)
			}
		}
		now = time.Date(2023, 5, 3, 0, 30, 0, 0, time.UTC) // the day after the deadline
		for i := 0; i < 2; i++ {
			n, err = m.CheckDeadlines(ctx, queue)
			must(t, err)
			if want := 2 * (1 - i); n != want {
				t.Fatalf("look %d after the deadline: %d notices, want %d", i+1, n, want)
			}
		}
		msgs = waitMails(t, mp, 20+3)
		rem := find(t, msgs, c.unitMail, "Erinnerung: Frist der Anfrage A 23/0002")
		if !strings.Contains(rem.Text, "endet am 02.05.2023") || !strings.Contains(rem.Text, fmt.Sprintf("%s/buero/anfragen/%d", mailBase, open.ID)) {
			t.Errorf("reminder:\n%s", rem.Text)
		}
		late := find(t, msgs, c.officeMail, "Frist überschritten: Anfrage A 23/0002")
		if !strings.Contains(late.Text, "am 02.05.2023 abgelaufen") {
			t.Errorf("overdue notice:\n%s", late.Text)
		}
		for _, m := range msgs {
			if strings.Contains(m.Subject, "A 23/0001") && (strings.HasPrefix(m.Subject, "Erinnerung") || strings.HasPrefix(m.Subject, "Frist überschritten")) {
				t.Errorf("the published inquiry got %q", m.Subject)
			}
		}
	})
}

// TestInquiryMailsTwoInstancesPostgres: two instances on one PostgreSQL scan
// the same events at the same time, as after a crash of the one that held the
// checkpoint; each mail is still sent once.
func TestInquiryMailsTwoInstancesPostgres(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	mp := mailtest.Start(t)
	sender, err := mail.New(mail.Config{SMTPURL: mp.SMTPURL, From: "ratsinfo@norderstedt.de"})
	must(t, err)
	a, b := openStore(t, dsn), openStore(t, dsn)
	defer a.Close()
	defer b.Close()
	must(t, jobs.Migrate(ctx, a.Dialect(), a.JobPool(), nil))
	c := newMailCity(t, a)
	for i := 0; i < 5; i++ {
		c.submitAndRegister(t, a, fmt.Sprintf("Anfrage Nummer %d", i+1))
	}
	ma := &jobs.InquiryMails{Store: a, BaseURL: mailBase}
	mb := &jobs.InquiryMails{Store: b, BaseURL: mailBase}
	qa, qb := mailQueue(t, a, ma, sender, "a"), mailQueue(t, b, mb, sender, "b")
	must(t, qa.Start(ctx))
	defer qa.Stop(ctx)
	must(t, qb.Start(ctx))
	defer qb.Stop(ctx)
	var wg sync.WaitGroup
	for _, run := range []func() error{
		func() error { _, err := ma.ScanEvents(ctx, qa); return err },
		func() error { _, err := mb.ScanEvents(ctx, qb); return err },
	} {
		wg.Add(1)
		go func() { defer wg.Done(); must(t, run()) }()
	}
	wg.Wait()
	msgs := waitMails(t, mp, 5*6)
	seen := map[string]bool{}
	for _, m := range msgs {
		k := m.Subject + " → " + strings.Join(m.To, ",")
		if seen[k] {
			t.Fatalf("sent twice: %s", k)
		}
		seen[k] = true
	}
}

// TestInquiryMailsToFolder: without an SMTP server the mails are .eml files in
// the folder, written by the same jobs.
func TestInquiryMailsToFolder(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "mails")
	sender, err := mail.New(mail.Config{From: "ratsinfo@norderstedt.de", Dir: dir})
	must(t, err)
	db := openStore(t, filepath.Join(t.TempDir(), "ratsinfo.db"))
	defer db.Close()
	must(t, jobs.Migrate(ctx, db.Dialect(), db.JobPool(), nil))
	c := newMailCity(t, db)
	c.submitAndRegister(t, db, "Smart City Offensive")
	m := &jobs.InquiryMails{Store: db, BaseURL: mailBase}
	q := mailQueue(t, db, m, sender, "a")
	_, err = m.ScanEvents(ctx, q)
	must(t, err)
	must(t, q.Start(ctx))
	defer q.Stop(ctx)
	deadline := time.Now().Add(30 * time.Second)
	for {
		files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
		if len(files) == 6 {
			raw, err := os.ReadFile(files[0])
			must(t, err)
			if !strings.Contains(string(raw), "From: <ratsinfo@norderstedt.de>") || !strings.Contains(string(raw), "buero/anfragen/") {
				t.Fatalf("mail file:\n%s", raw)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d .eml files in %s, want 6", len(files), dir)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// hasLine reports whether one line of text is line (the public link, not the
// office link that ends the same way).
func hasLine(text, line string) bool {
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == line {
			return true
		}
	}
	return false
}
