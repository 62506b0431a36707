package sqldb

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// publishBatch is how many answers one round of BenchmarkPublishAnswers
// publishes (the issue asks for 1,000).
const publishBatch = 1000

// BenchmarkPublishAnswers publishes 1,000 signed-off answers, one transaction
// each (answer file and paper, links both ways, consultation, audit entry,
// counts), on SQLite and, when RATSINFO_TEST_POSTGRES names a server, on
// PostgreSQL; ns/answer is the figure. Bringing the inquiries to sign-off is
// not timed. The PDF is printed before this transaction, by Chromium: its
// price is BenchmarkPrintAnswer in package pdf. Run with -benchtime 1x: one
// round is 1,000 answers.
func BenchmarkPublishAnswers(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) {
		benchPublish(b, filepath.Join(b.TempDir(), "ratsinfo.db"))
	})
	b.Run("postgres", func(b *testing.B) {
		benchPublish(b, postgresDSN(b))
	})
}

func benchPublish(b *testing.B, dsn string) {
	db := mustOpen(b, dsn, Options{Migrate: true})
	c := newCity(b, db)
	unit := &ratsinfo.Organization{BodyID: c.body.ID, Name: "Amt für Stadtentwicklung", OrganizationType: ratsinfo.OrgTypeAdminUnit}
	must(b, db.CreateOrganization(writer, unit))
	file := ratsinfo.PublishedFile{BlobKey: "ab" + strings.Repeat("0", 62), Size: 48_000, FileName: "Beantwortung.pdf",
		Text: "Frage 1 Wie ist der Stand? Antwort Der Stand ist gut. Frage 2 Was kostet es? Antwort 1.234,56 Euro."}
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		ids := signedOff(b, db, c.body.ID, c.person.ID, unit.ID, i)
		start := time.Now()
		for _, id := range ids {
			doc := ratsinfo.AnswerDocument{Title: fmt.Sprintf("Beantwortung der Anfrage Nr. %d", id)}
			if _, err := db.PublishInquiry(writer, id, doc, file); err != nil {
				b.Fatal(err)
			}
		}
		elapsed += time.Since(start)
	}
	b.ReportMetric(float64(elapsed.Nanoseconds())/float64(b.N*publishBatch), "ns/answer")
}

// signedOff brings publishBatch inquiries to sign-off, in one transaction.
func signedOff(b *testing.B, db *DB, body, person, unit int64, round int) []int64 {
	var ids []int64
	err := db.InTransaction(ratsinfo.SystemContext(context.Background()), func(ctx context.Context) error {
		for i := range publishBatch {
			q := &ratsinfo.Inquiry{BodyID: body, Title: fmt.Sprintf("Anfrage %d/%d zur Stadtentwicklung", round, i),
				InquirerPersonIDs: []int64{person},
				Questions:         []ratsinfo.Question{{Text: "Wie ist der Stand?"}, {Text: "Was kostet es?"}}}
			if err := db.CreateInquiry(ctx, q); err != nil {
				return err
			}
			if _, err := db.StepInquiry(ctx, q.ID, ratsinfo.ActionSubmit, ""); err != nil {
				return err
			}
			if _, err := db.RegisterInquiry(ctx, q.ID, ratsinfo.Registration{ReceivedOn: ratsinfo.NewDate(2026, 10, 1), UnitID: unit}); err != nil {
				return err
			}
			for n := 1; n <= 2; n++ {
				if _, err := db.AnswerQuestion(ctx, q.ID, n, "Der Stand ist gut.", time.Time{}); err != nil {
					return err
				}
			}
			for _, a := range []ratsinfo.InquiryAction{ratsinfo.ActionSubmitAnswer, ratsinfo.ActionApprove} {
				if _, err := db.StepInquiry(ctx, q.ID, a, ""); err != nil {
					return err
				}
			}
			ids = append(ids, q.ID)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return ids
}
