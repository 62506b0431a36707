package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/riverqueue/river"
)

// The mails of the inquiry path. The outbox is the audit trail: every step
// writes an inquiry_event row in its own transaction, so a mail can never be
// announced for a step that was rolled back. A periodic scan reads the events
// after a checkpoint and enqueues one MailArgs job per recipient; a daily look
// at the deadlines enqueues reminders and overdue notices. Both are
// at-least-once (a crash between enqueueing and the checkpoint repeats the
// enqueueing), and the uniqueness of MailArgs by (Key, To) makes that, and two
// instances racing, send each mail once.

// MailQueue is the queue of the mail jobs: only an instance that sends mail
// (serve) works it, so `ratsinfo extract` never fetches a mail it cannot send.
const MailQueue = "mail"

// Checkpoint keys of the mail jobs.
const (
	mailEventCheckpoint = "inquiry_mail/event"
	mailReminderPrefix  = "inquiry_mail/reminder/" // + inquiry id: the deadline day reminded of
	mailOverduePrefix   = "inquiry_mail/overdue/"  // + inquiry id: the deadline day reported as passed
)

// MailArgs is one mail to one recipient, written when it was enqueued.
type MailArgs struct {
	// Key names what the mail is about: "event:17", "reminder:4:2026-12-10",
	// "overdue:4:2026-12-10". With To it makes the job unique.
	Key     string `json:"key" river:"unique"`
	To      string `json:"to" river:"unique"`
	Subject string `json:"subject"`
	Text    string `json:"text"`
}

// Kind names the job in the job table.
func (MailArgs) Kind() string { return "send_mail" }

// InsertOpts: unique by key and recipient in every state but cancelled and
// discarded, so a mail that was sent is not sent again however often it is
// enqueued while river keeps the finished job (a day); the checkpoints keep
// longer.
func (MailArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: MailQueue, MaxAttempts: 10, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// MailWorker sends one mail per job; a failed send (the mail server is down)
// is retried with river's growing pauses.
type MailWorker struct {
	river.WorkerDefaults[MailArgs]
	Sender ratsinfo.MailSender
}

// Work sends the mail.
func (w *MailWorker) Work(ctx context.Context, j *river.Job[MailArgs]) error {
	err := w.Sender.Send(ctx, ratsinfo.Mail{To: j.Args.To, Subject: j.Args.Subject, Text: j.Args.Text})
	if ratsinfo.ErrorCode(err) == ratsinfo.EINVALID {
		// An address the mail library refuses stays refused: no retries.
		return river.JobCancel(err)
	}
	if err != nil {
		return fmt.Errorf("send mail %s to %s: %w", j.Args.Key, j.Args.To, err)
	}
	return nil
}

// Inserter enqueues jobs: a Queue, or the client a running job finds in its
// context.
type Inserter interface {
	InsertMany(ctx context.Context, params []river.InsertManyParams) error
}

type clientInserter struct{ c *river.Client[*sql.Tx] }

func (ci clientInserter) InsertMany(ctx context.Context, params []river.InsertManyParams) error {
	if _, err := ci.c.InsertMany(ctx, params); err != nil {
		return fmt.Errorf("jobs: insert %d jobs: %w", len(params), err)
	}
	return nil
}

// MailStore is what the mail jobs read and write.
type MailStore interface {
	InquiryEventsAfter(ctx context.Context, after int64, limit int) ([]*ratsinfo.InquiryEvent, error)
	FindInquiry(ctx context.Context, id int64) (*ratsinfo.Inquiry, error)
	FindInquiries(ctx context.Context, f ratsinfo.InquiryFilter) ([]*ratsinfo.Inquiry, error)
	FindAccounts(ctx context.Context) ([]*ratsinfo.Account, error)
	ratsinfo.Checkpoints
}

// InquiryMails turns inquiry events and deadlines into mail jobs.
type InquiryMails struct {
	Store MailStore
	// BaseURL is the site's absolute address, without a trailing slash, for
	// the links in the mails.
	BaseURL string
	// ReminderDays: the unit is reminded this many days before the deadline
	// (0: DefaultReminderDays).
	ReminderDays int
	// Now is the clock of the deadline look; nil = time.Now.
	Now func() time.Time
}

// DefaultReminderDays is how many days before the deadline the unit is reminded.
const DefaultReminderDays = 3

// eventBatch is how many events one round of the scan reads.
const eventBatch = 200

// ScanEvents enqueues the mails of every inquiry event after the checkpoint
// and advances it. It may run twice at once (two instances): the uniqueness of
// the mail jobs keeps each mail single.
func (m *InquiryMails) ScanEvents(ctx context.Context, ins Inserter) (int, error) {
	sys := ratsinfo.SystemContext(ctx)
	var accounts []*ratsinfo.Account
	n := 0
	for {
		cp, err := m.Store.Checkpoint(sys, mailEventCheckpoint)
		if err != nil {
			return n, err
		}
		after, _ := strconv.ParseInt(cp, 10, 64)
		events, err := m.Store.InquiryEventsAfter(sys, after, eventBatch)
		if err != nil || len(events) == 0 {
			return n, err
		}
		if accounts == nil {
			if accounts, err = m.Store.FindAccounts(sys); err != nil {
				return n, fmt.Errorf("mail recipients: %w", err)
			}
		}
		var params []river.InsertManyParams
		for _, e := range events {
			if !mailAction(e.Action) {
				continue
			}
			q, err := m.Store.FindInquiry(sys, e.InquiryID)
			if err != nil {
				return n, fmt.Errorf("mail of event %d: %w", e.ID, err)
			}
			params = append(params, m.mails(e.Action, "event:"+strconv.FormatInt(e.ID, 10), q, accounts, e.Note)...)
		}
		if len(params) > 0 {
			if err := ins.InsertMany(ctx, params); err != nil {
				return n, err
			}
		}
		n += len(params)
		if err := m.Store.SetCheckpoint(sys, mailEventCheckpoint, strconv.FormatInt(events[len(events)-1].ID, 10)); err != nil {
			return n, err
		}
		if len(events) < eventBatch {
			return n, nil
		}
	}
}

// mailAction reports whether an audit action sends mail at all.
func mailAction(action string) bool {
	_, ok := ratsinfo.InquiryMail(action, &ratsinfo.Inquiry{}, "", "")
	return ok
}

func (m *InquiryMails) mails(kind, key string, q *ratsinfo.Inquiry, accounts []*ratsinfo.Account, note string) []river.InsertManyParams {
	mail, ok := ratsinfo.InquiryMail(kind, q, m.BaseURL, note)
	if !ok {
		return nil
	}
	var out []river.InsertManyParams
	for _, to := range ratsinfo.InquiryMailRecipients(kind, q, accounts) {
		out = append(out, river.InsertManyParams{Args: MailArgs{Key: key, To: to, Subject: mail.Subject, Text: mail.Text}})
	}
	return out
}

// openStates are the states in which an inquiry waits for its answer.
var openStates = []ratsinfo.InquiryState{ratsinfo.InquiryRegistered, ratsinfo.InquiryAnswerDrafted, ratsinfo.InquirySignedOff}

// CheckDeadlines enqueues a reminder for each open inquiry whose deadline is
// at most ReminderDays away, and a notice for each whose deadline passed,
// once per deadline: a checkpoint per inquiry remembers the day, so a restart
// repeats nothing and an extended deadline is reminded of again.
func (m *InquiryMails) CheckDeadlines(ctx context.Context, ins Inserter) (int, error) {
	sys := ratsinfo.SystemContext(ctx)
	now := time.Now
	if m.Now != nil {
		now = m.Now
	}
	days := m.ReminderDays
	if days <= 0 {
		days = DefaultReminderDays
	}
	today := ratsinfo.DateOf(now())
	reminded, err := m.Store.Checkpoints(sys, mailReminderPrefix)
	if err != nil {
		return 0, err
	}
	overdue, err := m.Store.Checkpoints(sys, mailOverduePrefix)
	if err != nil {
		return 0, err
	}
	var accounts []*ratsinfo.Account
	n := 0
	for _, st := range openStates {
		list, err := m.Store.FindInquiries(sys, ratsinfo.InquiryFilter{State: st, Brief: true})
		if err != nil {
			return n, fmt.Errorf("deadline mails: %w", err)
		}
		for _, q := range list {
			day := q.Deadline.Day
			if day.IsZero() || today.AddDays(days).Before(day) {
				continue
			}
			id := strconv.FormatInt(q.ID, 10)
			kind, prefix, done := ratsinfo.MailReminder, mailReminderPrefix, reminded
			if day.Before(today) {
				kind, prefix, done = ratsinfo.MailOverdue, mailOverduePrefix, overdue
			}
			if done[prefix+id] == day.String() {
				continue
			}
			if accounts == nil {
				if accounts, err = m.Store.FindAccounts(sys); err != nil {
					return n, fmt.Errorf("mail recipients: %w", err)
				}
			}
			params := m.mails(kind, kind+":"+id+":"+day.String(), q, accounts, "")
			if len(params) > 0 {
				if err := ins.InsertMany(ctx, params); err != nil {
					return n, err
				}
			}
			n += len(params)
			if err := m.Store.SetCheckpoint(sys, prefix+id, day.String()); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// MailScanArgs is the periodic job that runs ScanEvents.
type MailScanArgs struct{}

// Kind names the job in the job table.
func (MailScanArgs) Kind() string { return "scan_inquiry_mail" }

// InsertOpts: one scan at a time waits or runs.
func (MailScanArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: MailQueue, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: whileWaiting}}
}

// DeadlineArgs is the daily job that runs CheckDeadlines.
type DeadlineArgs struct{}

// Kind names the job in the job table.
func (DeadlineArgs) Kind() string { return "check_inquiry_deadlines" }

// InsertOpts: one look at a time waits or runs.
func (DeadlineArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: MailQueue, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: whileWaiting}}
}

type scanWorker struct {
	river.WorkerDefaults[MailScanArgs]
	m *InquiryMails
}

func (w *scanWorker) Work(ctx context.Context, j *river.Job[MailScanArgs]) error {
	_, err := w.m.ScanEvents(ctx, clientInserter{river.ClientFromContext[*sql.Tx](ctx)})
	return err
}

type deadlineWorker struct {
	river.WorkerDefaults[DeadlineArgs]
	m *InquiryMails
}

func (w *deadlineWorker) Work(ctx context.Context, j *river.Job[DeadlineArgs]) error {
	_, err := w.m.CheckDeadlines(ctx, clientInserter{river.ClientFromContext[*sql.Tx](ctx)})
	return err
}

// Mails returns the workers and periodic jobs of the inquiry mails, for
// Config.Register and Config.Periodic: the event scan every scanEvery, the
// deadline look every deadlineEvery (a day in production; it runs at each
// start too, so a day missed while the server was down is caught up).
func Mails(m *InquiryMails, sender ratsinfo.MailSender, scanEvery, deadlineEvery time.Duration) (func(*river.Workers), []*river.PeriodicJob) {
	register := func(ws *river.Workers) {
		river.AddWorker(ws, &MailWorker{Sender: sender})
		river.AddWorker(ws, &scanWorker{m: m})
		river.AddWorker(ws, &deadlineWorker{m: m})
	}
	scan := river.NewPeriodicJob(river.PeriodicInterval(scanEvery), func() (river.JobArgs, *river.InsertOpts) {
		return MailScanArgs{}, nil
	}, &river.PeriodicJobOpts{RunOnStart: true})
	deadlines := river.NewPeriodicJob(river.PeriodicInterval(deadlineEvery), func() (river.JobArgs, *river.InsertOpts) {
		return DeadlineArgs{}, nil
	}, &river.PeriodicJobOpts{RunOnStart: true})
	return register, []*river.PeriodicJob{scan, deadlines}
}
