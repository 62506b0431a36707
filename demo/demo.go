// Package demo writes the demo city: Norderstedt around the real answer of
// 20 February 2023 to Herr Pender's inquiry about the smart-city programme, inside a
// generated but realistic council record of two legislative terms. The same machinery,
// scaled up, is the bulk generator behind `ratsinfo generate`.
//
// Everything is deterministic for a given day: a fixed pseudo-random seed, and all
// dates placed relative to the day the city "lives" in (today for `serve --demo`,
// ReferenceDay for tests and golden files), so that tests, screenshots and bug
// reports agree. Only created/modified come from the store's clock.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// City names the key objects of the demo so that tests and the tour on the start page
// can find them without searching.
type City struct {
	BodyID              int64
	CouncilID           int64 // Stadtvertretung
	MainCommitteeID     int64 // Hauptausschuss
	DigitalUnitID       int64 // Stabsstelle Digitalisierung
	InquiryPaperID      int64 // Anfrage A 23/0012 of 16 January 2023
	AnswerPaperID       int64 // its Beantwortung, the seed document
	AnswerFileID        int64 // the answer's main file: the seed text
	HearingMeetingID    int64 // Hauptausschuss, 27.02.2023
	HearingAgendaItemID int64 // the agenda item of the answer in that meeting

	// Day is the day the city lives in: nothing is dated after it, meetings before
	// it were held, later ones are invited or planned.
	Day ratsinfo.Date

	// Counts of what was written, as the system viewer sees them.
	Papers, Meetings, Persons, Organizations int
	// Of Papers, the unpublished drafts and the withdrawn ones, which the public
	// does not see (a withdrawn paper is a tombstone to it).
	DraftPapers, WithdrawnPapers int
}

// ReferenceDay is the fixed day of Load: tests, golden files and screenshots need
// the same city on every run, whatever the calendar says.
var ReferenceDay = ratsinfo.NewDate(2026, time.December, 1)

// FirstDay is the earliest day a city can live in: the seed story runs until the
// joint committee's meeting of 30 June 2023, and a city dated before that would show
// the story's end in the future.
var FirstDay = ratsinfo.NewDate(2023, time.July, 1)

// checkDay refuses a day the city cannot be built for.
func checkDay(day ratsinfo.Date) error {
	if day.IsZero() || day.Before(FirstDay) {
		return ratsinfo.Errorf(ratsinfo.EINVALID,
			"Die Demo-Stadt kann nicht auf den %s datiert werden: ihre Geschichte reicht bis zum %s, der Stichtag muss an oder nach diesem Tag liegen.",
			day.German(), FirstDay.AddDays(-1).German())
	}
	return nil
}

// demoPapers is the number of papers in the demo city, the seed papers included.
const demoPapers = 1500

// batchSize is how many writes share one transaction: large enough that commits do not
// dominate, small enough that a transaction never holds the writer for long.
const batchSize = 5000

// Load writes the demo city as it stands on ReferenceDay into an empty store. ctx
// must carry the system viewer (ratsinfo.SystemContext), because the demo contains
// drafts and non-public items.
func Load(ctx context.Context, s ratsinfo.RecordStore, b ratsinfo.BlobStore) (*City, error) {
	return LoadOn(ctx, s, b, ReferenceDay)
}

// LoadOn writes the demo city as it stands on day (`serve --demo` passes today):
// papers dated up to day, meetings before it held, later ones invited or planned.
func LoadOn(ctx context.Context, s ratsinfo.RecordStore, b ratsinfo.BlobStore, day ratsinfo.Date) (*City, error) {
	if err := checkDay(day); err != nil {
		return nil, err
	}
	// The file contents go behind one durability barrier, made before the
	// transaction commits: a sync per file took most of the first start on slow
	// disks.
	blobs, sync := b, func(context.Context) error { return nil }
	if bb, ok := b.(ratsinfo.BlobBatcher); ok {
		batch := bb.NewBatch()
		blobs, sync = batch, batch.Sync
		defer batch.Discard()
	}
	bl := newBuilder(s, newDirectBlobs(blobs), config{
		papers:      demoPapers,
		committees:  3,
		persons:     0, // the demo council has its own fixed size
		norderstedt: true,
		day:         day,
	})
	// One transaction: a demo that failed half-way would look like a loaded one to
	// the next `serve --demo`, which loads only into an empty store.
	bl.atomic = true
	err := s.InTransaction(ctx, func(ctx context.Context) error {
		if err := bl.build(ctx, nil); err != nil {
			return err
		}
		return sync(ctx)
	})
	if err != nil {
		return nil, fmt.Errorf("load demo city: %w", err)
	}
	return bl.city(), nil
}

// config is the shape of a city: the demo is one point, the generator others.
type config struct {
	papers      int  // papers to write, exactly
	committees  int  // specialist committees besides council and main committee
	persons     int  // extra persons beyond the council seats (generator)
	norderstedt bool // add the seed document and its story
	day         ratsinfo.Date
}

// builder writes one city. It keeps in memory only what later writes refer to
// (ids of organizations, persons, pending papers), so that a million papers fit.
type builder struct {
	s      ratsinfo.RecordStore
	blobs  blobSource
	rng    *rand.Rand
	cfg    config
	berlin *time.Location
	today  time.Time // midnight in Berlin starting cfg.day

	writes int  // objects written so far; batches are cut by this
	atomic bool // the caller holds one transaction around everything

	bodyID    int64
	bodyName  string
	terms     []term
	council   *org
	mainCom   *org
	special   []*org // specialist committees
	factions  []*org
	units     []*org // administrative units (underDirectionOf)
	digital   *org
	joint     *org // the external joint committee of the seed
	orgCount  int
	people    []*person
	byID      map[int64]*person
	locations places

	refs      map[string]int   // last number per reference prefix and year, e.g. "B 23"
	reserved  map[string]bool  // references the seed story owns
	titles    map[uint64]uint8 // uses per paper title (hashed), see title
	pending   map[*org][]*paperState
	papers    int
	drafts    int
	withdrawn int
	meetings  int
	lastHeld  map[*org]time.Time // for "Genehmigung der Niederschrift vom …"

	seed seedStory
}

func newBuilder(s ratsinfo.RecordStore, blobs blobSource, cfg config) *builder {
	berlin := ratsinfo.Berlin()
	return &builder{
		today:    time.Date(cfg.day.Year, cfg.day.Month, cfg.day.Day, 0, 0, 0, 0, berlin),
		s:        s,
		blobs:    blobs,
		rng:      rand.New(rand.NewPCG(20230220, 16012023)),
		cfg:      cfg,
		berlin:   berlin,
		refs:     map[string]int{},
		reserved: map[string]bool{},
		titles:   map[uint64]uint8{},
		pending:  map[*org][]*paperState{},
		lastHeld: map[*org]time.Time{},
		byID:     map[int64]*person{},
	}
}

// build writes the whole city: the frame (body, terms, organizations, persons,
// memberships) and then the meetings in date order, each with the papers it treats.
func (b *builder) build(ctx context.Context, progress func(done int)) error {
	if err := b.inTx(ctx, b.frame); err != nil {
		return err
	}
	if err := b.chunked(ctx, len(b.people), b.writePerson); err != nil {
		return err
	}
	if err := b.chunked(ctx, len(b.people), b.writeMemberships); err != nil {
		return err
	}
	plan := b.schedule()
	b.planPapers(plan)
	if b.cfg.norderstedt {
		if err := b.inTx(ctx, b.seedPapers); err != nil {
			return err
		}
	}
	done := 0
	err := b.chunked(ctx, len(plan), func(ctx context.Context, i int) error {
		if err := b.meeting(ctx, plan[i]); err != nil {
			return err
		}
		if progress != nil && b.papers-done >= 1000 {
			done = b.papers
			progress(done)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := b.inTx(ctx, b.finish); err != nil {
		return err
	}
	if progress != nil {
		progress(b.papers)
	}
	return nil
}

func (b *builder) inTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if b.atomic {
		return fn(ctx)
	}
	return b.s.InTransaction(ctx, fn)
}

// chunked calls fn for 0 ≤ i < n, cutting a new transaction whenever batchSize writes
// have piled up. A failure stops everything: a half-written city is of no use anyway.
func (b *builder) chunked(ctx context.Context, n int, fn func(ctx context.Context, i int) error) error {
	for i := 0; i < n; {
		err := b.inTx(ctx, func(ctx context.Context) error {
			start := b.writes
			for ; i < n && b.writes-start < batchSize; i++ {
				if err := fn(ctx, i); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) city() *City {
	c := b.seed.city
	c.BodyID = b.bodyID
	c.CouncilID = b.council.id
	c.MainCommitteeID = b.mainCom.id
	if b.digital != nil {
		c.DigitalUnitID = b.digital.id
	}
	c.Day = b.cfg.day
	c.Papers = b.papers
	c.DraftPapers, c.WithdrawnPapers = b.drafts, b.withdrawn
	c.Meetings = b.meetings
	c.Persons = len(b.people)
	c.Organizations = b.orgCount
	return &c
}

// at returns the Berlin wall-clock time h:m on day d; councils meet by local time.
func (b *builder) at(d time.Time, h, m int) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, b.berlin)
}

// pick returns a random element of list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }
