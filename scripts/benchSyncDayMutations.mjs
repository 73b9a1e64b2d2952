// "A typical day" for the sync bytes figure (scripts/benchSyncDay.mjs): five home visits and ten field edits,
// shaped exactly as the app's outbox rows are (src/storage/outbox.ts appendToOutbox; visits through
// homeVisitRepository.addHomeVisit, edits through recordWrites.setRecordFields / studentRepository.updateStudent,
// each `set` with its `base`: the HLC the device held for each changed field).
import { v7 as uuidv7 } from 'uuid';

const MENTOR = 'Arta Hoxha';

/** The visit form's fields in the order addHomeVisit stores them (VISIT_KEYS, then recordedAt). */
function visit(caseId, visitDate, recordedAt, note) {
  return {
    recordedBy: note.recordedBy ?? MENTOR,
    caseId,
    visitDate,
    startTime: note.startTime,
    endTime: note.endTime,
    planned: note.planned ?? true,
    otherVisitors: note.otherVisitors ?? '',
    language: note.language,
    interpreterOrMediator: note.interpreterOrMediator ?? false,
    outcome: note.outcome,
    newAddress: '',
    present: note.present,
    statedReasons: note.statedReasons ?? [],
    statedReasonsText: note.statedReasonsText ?? '',
    observations: note.observations ?? '',
    childView: note.childView ?? '',
    strengths: note.strengths ?? '',
    safeguardingConcern: false,
    agreedActions: note.agreedActions ?? [],
    nextVisitDate: note.nextVisitDate ?? null,
    familyInformedOfDataUse: true,
    consent: note.consent ?? 'given',
    parentAcknowledged: note.parentAcknowledged ?? false,
    notes: note.notes ?? '',
    correctionOf: null,
    recordedAt,
  };
}

/** Five notes as a mentor writes them: a few sentences each, in Albanian or Serbian. */
function visitNotes(day) {
  return [
    {
      startTime: '09:10',
      endTime: '09:50',
      language: 'shqip',
      outcome: 'metFamily',
      present: ['child', 'mother'],
      statedReasons: ['work'],
      statedReasonsText: 'Nëna thotë se Arbëri i ndihmon xhaxhait në treg gjatë javës, sepse familja ka borxhe.',
      observations:
        'Na priti nëna në oborr. Shtëpia është e pastër, por dhoma e fëmijëve nuk ngrohet. Arbëri ishte i lodhur dhe nuk foli shumë para nënës.',
      childView: 'Arbëri thotë se i mungojnë shokët dhe se do të kthehej nëse nuk do të mbetej prapa në matematikë.',
      strengths: 'Nëna është e gatshme të bashkëpunojë dhe e ndjek mësuesen kujdestare në Viber.',
      agreedActions: [
        {
          what: 'Arbëri vjen në orët shtesë të matematikës të martën dhe të enjten',
          who: 'Mësuesja kujdestare',
          byDate: day(7),
        },
        { what: 'Takim me babain për punën në treg', who: MENTOR, byDate: day(5) },
      ],
      nextVisitDate: day(14),
      notes: 'Nëna kërkoi që takimi i ardhshëm të jetë pas orës 16:00.',
    },
    {
      startTime: '11:00',
      endTime: '11:15',
      language: 'srpski',
      outcome: 'nobodyHome',
      present: [],
      planned: false,
      consent: 'notAsked',
      observations: 'Нико није отворио. Комшиница каже да мајка ради у пекари до два и да се враћа са млађим сином.',
      nextVisitDate: day(0),
      notes: 'Враћамо се поподне, после два.',
    },
    {
      startTime: '14:30',
      endTime: '15:20',
      language: 'srpski',
      outcome: 'metFamily',
      present: ['child', 'mother', 'grandparent'],
      statedReasons: ['careDuties'],
      statedReasonsText: 'Мајка каже да Милица чува млађег брата док она ради у пекари.',
      observations:
        'Станују у једној соби код баке, деца немају сто за учење. Мајка је била љубазна, али уморна и забринута због посла. Брат има три године и не иде у вртић.',
      childView: 'Милица каже да воли српски и ликовно и да би радо ишла у школу када би неко чувао брата.',
      strengths: 'Бака је спремна да чува брата два дана у недељи.',
      agreedActions: [
        { what: 'Разговор са центром за социјални рад о вртићу за брата', who: 'Педагог школе', byDate: day(10) },
      ],
      nextVisitDate: day(21),
      parentAcknowledged: true,
    },
    {
      startTime: '16:00',
      endTime: '16:45',
      language: 'romani, srpski',
      interpreterOrMediator: true,
      otherVisitors: 'Pedagoški asistent',
      outcome: 'metFamily',
      present: ['child', 'father', 'sibling'],
      statedReasons: ['cost', 'noDocuments'],
      statedReasonsText: 'Otac kaže da Senad nema zimske cipele i da još čekaju izvod iz matične knjige rođenih.',
      observations:
        'Porodica živi u naselju pored pruge. Otac radi sezonske poslove. Senad je bio u kući, zdrav i razgovorljiv; sa nama je razgovarao uz pomoć pedagoškog asistenta.',
      childView: 'Senad kaže da u školi ima dva druga i da mu je najteže ujutru kad je hladno.',
      strengths: 'Otac želi da Senad završi osnovnu školu; stariji brat ga može voditi do autobusa.',
      agreedActions: [
        { what: 'Zimske cipele preko školskog fonda', who: 'Pedagoški asistent', byDate: day(3) },
        { what: 'Pomoć oko izvoda u matičnoj službi', who: 'Centar za socijalni rad', byDate: day(14) },
      ],
      nextVisitDate: day(10),
    },
    {
      startTime: '17:30',
      endTime: '17:50',
      language: 'shqip',
      outcome: 'metFamily',
      present: ['child', 'father'],
      observations:
        'Babai u pajtua që Arbëri të mos punojë në treg të martën dhe të enjten pasdite. Arbëri ishte më i qetë se në mëngjes.',
      childView: 'Arbëri tha se nesër vjen në shkollë me librin e matematikës.',
      nextVisitDate: day(14),
    },
  ];
}

/**
 * The day's 15 mutations, in the order the phone wrote them. `records` holds what the device pulled
 * (entity → id → { fields, hlcs }); `nextHlc` ticks the device clock as syncMeta.nextHlc does; `students`
 * are the demo's student ids (DEMO_STUDENT_IDS).
 */
export function typicalDayMutations({ clientId, schema, records, students, today, day, nextHlc }) {
  const held = (entity, id) => {
    const record = records.get(entity)?.get(id);
    if (record === undefined) throw new Error(`the demo has no ${entity} ${id}`);
    return record;
  };
  const row = (entity, entityId, op, fields, base) => ({
    id: uuidv7(),
    clientId,
    hlc: nextHlc(),
    schema,
    entity,
    entityId,
    op,
    fields,
    ...(base === undefined ? {} : { base }),
  });
  const set = (entity, id, changes) => {
    const { hlcs } = held(entity, id);
    return row(entity, id, 'set', changes, Object.fromEntries(Object.keys(changes).map((f) => [f, hlcs[f] ?? null])));
  };
  const caseOf = (studentId) => {
    const found = [...(records.get('case') ?? new Map())].find(([, record]) => record.fields.studentId === studentId);
    if (found === undefined) throw new Error(`the demo has no case for ${studentId}`);
    return found[0];
  };
  const actionIn = (status) =>
    [...(records.get('planAction') ?? new Map())].find(([, record]) => record.fields.status === status)?.[0];
  const [arber, milica, senad] = [students.arberKrasniqi, students.milicaJovanovic, students.senadBajramovic];
  const notes = visitNotes(day);
  const recordVisit = (studentId, note) =>
    row('homeVisit', uuidv7(), 'create', visit(caseOf(studentId), today, new Date().toISOString(), note));
  const [planned, inProgress] = [actionIn('planned'), actionIn('inProgress')];

  // As a day goes: a visit, then the edits it led to; every HLC ticks in this order, as in the outbox.
  return [
    () => recordVisit(arber, notes[0]),
    () => set('student', arber, { guardianPhone: '+383 49 765 432' }),
    () => set('planAction', planned, { status: 'inProgress' }),
    () => recordVisit(milica, notes[1]),
    () => recordVisit(milica, notes[2]),
    () => set('student', milica, { guardianPhone: '+381 64 987 6543' }),
    () => set('case', caseOf(milica), { caseManagerId: 'Јелена Петровић' }),
    () => set('student', milica, { className: '5/3' }),
    () => recordVisit(senad, notes[3]),
    () => set('student', senad, { guardianName: 'Ramiz Bajramović', guardianPhone: '+381 63 112 2334' }),
    () => set('case', caseOf(senad), { caseManagerId: 'Jelena Petrović' }),
    () =>
      set('planAction', inProgress, {
        status: 'done',
        outcome: 'partlyAchieved',
        outcomeNote: 'Erdhi në 5 nga 6 orë; në testin e fundit mori notën 3.',
        completedAt: today,
      }),
    () => recordVisit(arber, notes[4]),
    () => set('case', caseOf(arber), { lastReviewedAt: today }),
    () => set('student', students.blerimSadiku, { guardianPhone: '+383 45 210 998' }),
  ].map((write) => write());
}
