/**
 * The sources a profile value rests on, as short keys with the citation of
 * docs/domain.md. Citations are bibliographic, so they are not translated.
 * `proposal` marks standard practice with no found source ([P]); the keys
 * starting with `confirm` name open points an administrator must settle.
 */
export const SOURCE_REFERENCES = {
  ai19_2012: 'Kosovo AI 19/2012 (PRTAN in every school and municipality) — ecmikosova.org; MESTI 2022',
  prtanManuals: 'MEST/ECMI/UNICEF school and municipal PRTAN manuals, Dec 2014 — ecmikosova.org',
  tool1: 'Kosovo PRTAN "Tool 1: Identification of students at-risk" — scribd copy, truncated',
  ecmi: 'ECMI Kosovo: high absenteeism, poor grades, low interest in school — ecmikosova.org',
  kosint2020: 'KOSINT 2020 evaluation of PRTANs and causes of dropout — kosint2020.net',
  ai12_2017: 'Kosovo AI 12/2017 on Learning Centres — syriivizionit.org; ecmikosova.org',
  zosovArt84: 'Serbia, Law on the Foundations of the Education System (Sl. glasnik RS 88/2017), Art. 84',
  paragraf2018: 'Schools file misdemeanour proceedings against parents — paragraf.rs 07-04-2018',
  unicefCepCriteria: 'UNICEF/CEP Dropout Prevention Model, criteria for ages 7–19 — schooleducationgateway.eu n=336',
  jovanovic2017: 'Jovanović et al. 2017, Psihološka istraživanja: Risk Index, IPDP, very-high-risk group',
  eurydiceRs: 'Eurydice Serbia: individual education plan (IOP); Bylaw on Additional Support',
  bos2025: 'Belgrade Open School, "Osipanje devojčica…" 2025 — atvbl.rs; nshronika.rs',
  praxisMics: 'MICS figures cited by Praxis on child marriage in Roma settlements — portal-udar.net',
  balfanzChang: 'Balfanz & Chang: chronic absence ≥10% of school days — cupdf "Dropout Screening & Early Warning"',
  louisianaDews: 'Louisiana DEWS triggers — paperzz',
  crocoos: 'CroCooS early-warning tool: signals scored 0 none / 1 mild / 2 high — oktataskepzes.tka.hu',
  gimnazijaCacak: 'One Serbian school’s scale of unjustified hours (school policy, not law) — gimnazija-cacak.edu.rs',
  repeople: 'Referral partners: Roma coordinators, health mediators, intersectoral committee — repeople.rs',
  dpmComponents: 'UNICEF/CEP DPM components 2–3: teacher training, peer support — docsbay DPM description',
  proposal: 'Standard practice or proposal, no found source — docs/domain.md [P]',
  confirmKosovoAct: 'Ask MESTI which act is in force: ECMI 2024 cites a state protocol wider than AI 19/2012',
  confirmTool1Absence:
    'Tool 1’s first indicator begins "missed more than 18 classes in…" — the period is cut off; obtain the full tool',
  confirmThresholds: 'Every threshold and weight is a default until the school team or ministry confirms it',
  confirmDeadlines: 'Every workflow deadline is a proposal: no deadline text of either protocol was found',
} as const;

export type SourceRef = keyof typeof SOURCE_REFERENCES;
