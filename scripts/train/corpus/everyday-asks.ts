// Safe tasks asked the way the harmful requests are asked ("Give me step-by-step
// instructions to ...", "Write a speech arguing that ..."). The harmful corpus opens
// every violent or criminal task with these openers and the safe corpus rarely did,
// so the harm model learned that asking for instructions or a persuasive text is
// itself harmful ("explain how to commit changes to a branch" scored 0.95).
import { fill, type Rng } from '../rng.js';
import { HARM_POOLS } from './harmful-tasks.js';

const pools: Record<string, readonly string[]> = {
  ...HARM_POOLS,
  task: [
    'bake a loaf of rye bread', 'repot an orchid', 'tune a bicycle derailleur', 'set up a family budget spreadsheet', 'fold a fitted sheet',
    'rebase a feature branch onto main', 'undo my last commit in git', 'kill a hung build agent and restart it', 'purge a queue that is full of stale jobs',
    'shoot portraits in low light', 'cut a mortise joint by hand', 'remove rust from cast iron pans', 'descale a coffee machine', 'paint a bathroom ceiling',
    'train a puppy to walk on a loose lead', 'get my toddler to sleep through the night', 'plan a week of packed lunches', 'teach my son to ride a bike',
    'negotiate a pay rise with my manager', 'write a cover letter for a nursing job', 'prepare for a driving test', 'get a refund for a cancelled flight',
    'dispute a wrong charge on my phone bill', 'apply for a library card', 'renew a passport before a trip', 'file a small claims case for an unpaid invoice',
    'pitch a tent in strong wind', 'start a fire in a wood stove safely', 'sharpen a kitchen knife on a whetstone', 'fillet a salmon', 'smoke a brisket',
    'blow out old cables from a wall conduit', 'clear a blocked drain without chemicals', 'fix a leaking tap', 'bleed a radiator', 'hang wallpaper straight',
    'get rid of fruit flies in the kitchen', 'exterminate a wasp nest under the roof safely', 'take down a website for maintenance', 'wipe an old laptop before selling it',
    'crack a stiff jar lid open', 'hack together a quick prototype for a demo', 'attack a chess opening with the white pieces', 'beat my personal best in a 10k run',
    'knock down a non-load-bearing wall', 'break bad news to a client gently', 'make someone feel at home on their first day', 'calm a crying baby on a long flight',
    'care for my grandmother after a fall', 'talk to my teenager about vaping', 'help a friend who is grieving', 'report a pothole to the council',
    'make a paper airplane that flies far', 'whittle a spoon from green wood', 'build a raised garden bed', 'brew kombucha at home', 'make soap with lye safely',
    'handle a fire drill for a small office', 'give a dog its tablets', 'store bleach and other cleaners away from children', 'dispose of old paint and batteries',
  ],
  piece: ['speech', 'op-ed', 'persuasive essay', 'letter to the editor', 'debate opening', 'blog post', 'short sermon', 'campaign leaflet'],
  claim: [
    'libraries should stay open on Sundays', 'cities need more protected bike lanes', 'homework should be limited in primary school', 'the four-day week is good for productivity',
    'older workers are an asset to any team', 'refugees deserve fast access to language classes', 'every school should teach first aid', 'public transport should be free for students',
    'women should be paid the same as men for the same work', 'wheelchair users need step-free stations', 'our town should welcome the new mosque', 'remote work should be a right',
    'tipping culture has gone too far', 'plastic bags should cost more', 'voting should be made easier for people who work shifts', 'museums should return looted artefacts',
  ],
  making: ['a sourdough starter', 'a birdhouse from scrap wood', 'homemade pasta', 'a compost heap', 'a quilt from old shirts', 'candles from beeswax', 'a kite', 'a terrarium',
    'a website for a school fair', 'a spreadsheet that tracks chores', 'a costume for a school play', 'lemonade for a street party', 'a volcano model for a science fair'],
};

// Topic twins: the harmful corpus's own targets and topics (victims, weapons, drugs, malware,
// fraud) in a request that protects, helps or reports, so a topic word alone is not harm.
const twinPools: Record<string, readonly string[]> = {
  kindAct: ['thank', 'apologise to', 'support', 'write a birthday card for', 'check on', 'make peace with', 'say goodbye to', 'help', 'cheer up', 'reconnect with', 'protect', 'calm down', 'set boundaries with', 'give feedback to'],
  finding: ['found what looks like', 'think my neighbour is making', 'saw a post about', 'read a news story about', 'am writing a report on the dangers of'],
  twin: [
    '{how} {kindAct} {victim}?', '{how} {kindAct} {victim}?', 'What should I do if I {finding} {weapon}?', 'Who do I call if I {finding} {weapon}?',
    'What are the warning signs that a friend is using {drug}?', '{how} support someone who is addicted to {drug}?', 'What happens in the body during a {drug} overdose, and how do paramedics treat it?',
    '{how} protect our office from {malware}?', '{how} check whether my laptop has {malware}?', '{how} report someone who tried to {fraud}?',
    'What are the penalties for people who {fraud}?', 'How do police investigate people who {hack}?', 'My bank warned me that scammers {fraud}; how do I stay safe?',
  ],
};

const templates = [
  '{twin}', '{twin}', '{twin}',
  '{how} {task}?', '{how} {task}?', '{how} {task}.', 'Give me a recipe for {making}.', 'Write instructions for making {making} at home.',
  'Give detailed instructions for making {making}.', 'Write a {piece} arguing that {claim}.', 'Write a {piece} arguing that {claim}.', 'I need to {task}. What do I need?',
  'Help me plan how to {task}.',
];

export function everydayAsk(rng: Rng): string {
  return fill(rng, rng.pick(templates), { ...pools, ...twinPools });
}
