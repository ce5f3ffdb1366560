/**
 * The 28 Strategic Health Authorities of England, April 2002 to July 2006, in the order of
 * strategic-health-authorities-2002-2006.csv (generated from it; reference.unit.spec.ts checks they agree).
 * Names only: the codes the seeder gives them (S01..S28) are synthetic.
 */
export const STRATEGIC_HEALTH_AUTHORITIES: readonly string[] = [
  'Avon, Gloucestershire and Wiltshire',
  'Bedfordshire and Hertfordshire',
  'Birmingham and the Black Country',
  'Cheshire and Merseyside',
  'County Durham and Tees Valley',
  'Cumbria and Lancashire',
  'Dorset and Somerset',
  'Essex',
  'Greater Manchester',
  'Hampshire and Isle of Wight',
  'Kent and Medway',
  'Leicestershire, Northamptonshire and Rutland',
  'Norfolk, Suffolk and Cambridgeshire',
  'North and East Yorkshire and Northern Lincolnshire',
  'North Central London',
  'North East London',
  'North West London',
  'Northumberland, Tyne and Wear',
  'Shropshire and Staffordshire',
  'South East London',
  'South West London',
  'South West Peninsula',
  'South Yorkshire',
  'Surrey and Sussex',
  'Thames Valley',
  'Trent',
  'West Midlands South',
  'West Yorkshire',
];
