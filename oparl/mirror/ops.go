package mirror

import (
	"context"
	"reflect"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// object is any domain type the mirror writes: it validates itself, carries
// Meta, and knows which of its fields the store fills on reads.
type object interface {
	Validate() error
	Base() *ratsinfo.Meta
	ClearBackRefs()
}

// ops are the store calls of one kind, typed as object so that save stays generic,
// and same, the comparison of two objects of that kind.
type ops struct {
	find   func(s ratsinfo.RecordStore, ctx context.Context, id int64) (object, error)
	create func(s ratsinfo.RecordStore, ctx context.Context, x object) error
	update func(s ratsinfo.RecordStore, ctx context.Context, x object) error
	del    func(s ratsinfo.RecordStore, ctx context.Context, id int64) error
	same   func(a, b object) bool
}

func opsOf[E any, T interface {
	*E
	object
}](
	find func(ratsinfo.RecordStore, context.Context, int64) (T, error),
	create, update func(ratsinfo.RecordStore, context.Context, T) error,
	del func(ratsinfo.RecordStore, context.Context, int64) error,
) ops {
	return ops{
		find: func(s ratsinfo.RecordStore, ctx context.Context, id int64) (object, error) {
			x, err := find(s, ctx, id)
			return x, err
		},
		create: func(s ratsinfo.RecordStore, ctx context.Context, x object) error { return create(s, ctx, x.(T)) },
		update: func(s ratsinfo.RecordStore, ctx context.Context, x object) error { return update(s, ctx, x.(T)) },
		del:    del,
		same: func(a, b object) bool {
			ac, bc := *a.(T), *b.(T) // shallow copies: clearing their fields leaves a and b alone
			return equalData(T(&ac), T(&bc))
		},
	}
}

// kindOps maps each kind to the store's methods (method expressions on the interface).
var kindOps = map[ratsinfo.Kind]ops{
	ratsinfo.KindBody: opsOf(ratsinfo.RecordStore.FindBodyByID, ratsinfo.RecordStore.CreateBody, ratsinfo.RecordStore.UpdateBody, ratsinfo.RecordStore.DeleteBody),
	ratsinfo.KindLegislativeTerm: opsOf(ratsinfo.RecordStore.FindLegislativeTermByID, ratsinfo.RecordStore.CreateLegislativeTerm,
		ratsinfo.RecordStore.UpdateLegislativeTerm, ratsinfo.RecordStore.DeleteLegislativeTerm),
	ratsinfo.KindOrganization: opsOf(ratsinfo.RecordStore.FindOrganizationByID, ratsinfo.RecordStore.CreateOrganization,
		ratsinfo.RecordStore.UpdateOrganization, ratsinfo.RecordStore.DeleteOrganization),
	ratsinfo.KindPerson: opsOf(ratsinfo.RecordStore.FindPersonByID, ratsinfo.RecordStore.CreatePerson, ratsinfo.RecordStore.UpdatePerson, ratsinfo.RecordStore.DeletePerson),
	ratsinfo.KindMembership: opsOf(ratsinfo.RecordStore.FindMembershipByID, ratsinfo.RecordStore.CreateMembership,
		ratsinfo.RecordStore.UpdateMembership, ratsinfo.RecordStore.DeleteMembership),
	ratsinfo.KindMeeting: opsOf(ratsinfo.RecordStore.FindMeetingByID, ratsinfo.RecordStore.CreateMeeting, ratsinfo.RecordStore.UpdateMeeting, ratsinfo.RecordStore.DeleteMeeting),
	ratsinfo.KindAgendaItem: opsOf(ratsinfo.RecordStore.FindAgendaItemByID, ratsinfo.RecordStore.CreateAgendaItem,
		ratsinfo.RecordStore.UpdateAgendaItem, ratsinfo.RecordStore.DeleteAgendaItem),
	ratsinfo.KindPaper: opsOf(ratsinfo.RecordStore.FindPaperByID, ratsinfo.RecordStore.CreatePaper, ratsinfo.RecordStore.UpdatePaper, ratsinfo.RecordStore.DeletePaper),
	ratsinfo.KindConsultation: opsOf(ratsinfo.RecordStore.FindConsultationByID, ratsinfo.RecordStore.CreateConsultation,
		ratsinfo.RecordStore.UpdateConsultation, ratsinfo.RecordStore.DeleteConsultation),
	ratsinfo.KindFile:     opsOf(ratsinfo.RecordStore.FindFileByID, ratsinfo.RecordStore.CreateFile, ratsinfo.RecordStore.UpdateFile, ratsinfo.RecordStore.DeleteFile),
	ratsinfo.KindLocation: opsOf(ratsinfo.RecordStore.FindLocationByID, ratsinfo.RecordStore.CreateLocation, ratsinfo.RecordStore.UpdateLocation, ratsinfo.RecordStore.DeleteLocation),
}

// equalData reports whether two copies of objects of one type hold the same data,
// ignoring ids, timestamps, the deletion flag and the back-references the store
// fills on reads, with nil and empty lists equal. Comparing before writing keeps
// re-imports from touching modified or the change feed. It clears those fields
// of a and b, which must be copies.
func equalData(a, b object) bool {
	for _, x := range []object{a, b} {
		x.ClearBackRefs()
		m := x.Base()
		m.ID, m.Created, m.Modified, m.Deleted = 0, time.Time{}, time.Time{}, false
	}
	return equalValue(reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem())
}

// equalValue compares field by field; reflect.DeepEqual would not do, as it tells
// a nil list from an empty one and compares times by their location too.
func equalValue(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Struct:
		if t, ok := a.Interface().(time.Time); ok {
			return t.Equal(b.Interface().(time.Time))
		}
		for i := range a.NumField() {
			if !equalValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !equalValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	}
	return a.Interface() == b.Interface()
}
