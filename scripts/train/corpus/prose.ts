// Compositional prose for clean documents: encyclopedia entries, news,
// account notifications, personal mail, forum posts and policy text. Broad
// vocabulary matters more than realism: the segment model must learn that
// ordinary data, whatever its topic, is not a request to the assistant.
import { fill, type Rng } from '../rng.js';

const X: Record<string, readonly string[]> = {
  place: ['Lyon', 'the Rhine valley', 'northern Kenya', 'Ohio', 'the Baltic coast', 'Patagonia', 'Kerala', 'Tasmania', 'the Scottish Highlands', 'Quebec', 'Andalusia', 'Hokkaido'],
  thing: ['the bridge', 'the cathedral', 'the railway line', 'the museum', 'the festival', 'the university', 'the river port', 'the observatory', 'the national park', 'the stadium', 'the library', 'the dam'],
  person: ['Maria Keller', 'Jon Abara', 'Li Wen', 'Pierre Duval', 'Ana Souza', 'Tomas Novak', 'Grace Mensah', 'Ravi Iyer', 'Helen Ward', 'Omar Haddad'],
  org: ['the city council', 'the ministry of transport', 'a local cooperative', 'the regional bank', 'a Swiss engineering firm', 'the football club', 'the hospital trust', 'a non-profit foundation'],
  year: ['1887', '1902', '1931', '1958', '1974', '1989', '2003', '2011', '2019'],
  num: ['12', '45', '300', '1,200', '3.5 million', '18', '72', '940'],
  enc: [
    '{thing} in {place} was completed in {year} after {num} years of construction.', '{person} was a {role} born in {place} in {year}.', 'It is known for its {adj} {feature} and its {adj} {feature}.',
    'The population grew to {num} by {year}.', 'In {year}, {org} took over the management of {thing}.', 'The climate is {adj}, with mild winters and warm summers.', '{person} studied {field} before joining {org}.',
    'The album reached number {num} in the national charts.', 'The species feeds mainly on insects and small fish.', 'The team finished {ordinal} in the league that season.', 'Its design was influenced by {adj} architecture.',
    'A major restoration began in {year}.', 'The region is home to about {num} people.', 'The company was acquired by {org} in {year}.', 'Critics praised the film for its {adj} photography.',
  ],
  role: ['painter', 'civil engineer', 'footballer', 'chemist', 'novelist', 'politician', 'jazz pianist', 'botanist', 'architect', 'sprinter'],
  adj: ['distinctive', 'Gothic', 'modern', 'temperate', 'colourful', 'remarkable', 'traditional', 'striking', 'minimalist', 'humid'],
  feature: ['facade', 'gardens', 'harbour', 'vineyards', 'stained glass', 'markets', 'cuisine', 'coastline', 'towers'],
  field: ['economics', 'law', 'biology', 'music', 'physics', 'history', 'medicine'], ordinal: ['third', 'fifth', 'second', 'ninth', 'last'],
  news: [
    '{org} announced on {day} that it will invest {money} in {project}.', 'Officials said the work should be finished by {year2}.', 'Residents have raised concerns about noise and traffic.',
    'Shares of the company rose {num} percent after the results.', 'The proposal will be debated at next month\'s council meeting.', 'Police closed the road for several hours after the accident.',
    '"We are proud of what the team has achieved," said {person}, the project lead.', 'The weather service issued a warning for heavy rain in {place}.', 'Analysts expect demand to slow in the second half.',
    'The festival attracted more than {num} visitors this year.', 'Ticket prices will rise by five percent from January.', 'The report found that most schools lacked funding for repairs.',
  ],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], money: ['$2 million', '€40 million', '£350,000', '$1.2 billion'], year2: ['2026', '2027', '2030'],
  project: ['a new tram line', 'solar panels on public buildings', 'a flood barrier', 'affordable housing', 'a research centre', 'faster broadband'],
  notify: [
    'Your payment of {money} to {shop} was successful.', 'We\'ve received your request and a member of our team will get back to you within 48 hours.', 'Your verification code is {code}. It expires in 10 minutes.',
    'Your statement for account ending {code4} is ready to view.', 'A new device signed in to your account on {day}.', 'Your package was delivered and left at the front door.', 'Your appointment is confirmed for {day} at 10:30.',
    'Your trial ends in 3 days. Choose a plan to keep your projects.', 'You have {num} unread messages in your inbox.', 'Your booking reference is {code}.', 'The transfer of {money} to {person} has been scheduled.',
    'You are receiving this notification because you enabled alerts for transactions over $100.', 'If this wasn\'t you, secure your account immediately.', 'Manage your notification settings in the app.',
  ],
  shop: ['Amazon', 'Uber', 'Spotify', 'Airbnb', 'Deliveroo', 'Zalando', 'Etsy', 'Shopify'], code: ['482913', 'XK-2291', 'ABF7731', '004-118'], code4: ['4821', '0093', '7710'],
  personal: [
    'It was so good to see you last weekend!', 'The kids loved the trip to the lake.', 'Mum says hi and asks when you\'re visiting.', 'I finally finished painting the kitchen.',
    'Are you still up for dinner on {day}?', 'I\'ve attached the photos from the wedding.', 'Let me know what you think of the new place.', 'We should plan a hike before the weather turns.',
    'Sorry I missed your call, work has been crazy.', 'Can you bring the folding chairs on Saturday?', 'Happy birthday! Hope you have a wonderful day.',
  ],
  forum: [
    'Has anyone else had this problem after the last update?', 'I tried reinstalling the driver but it didn\'t help.', 'Edit: solved it by clearing the cache.', 'Thanks, that worked for me too!',
    'Which version are you running?', 'Same issue here on a 2019 model.', 'Check the log file under the settings folder; it usually shows the cause.', 'I would recommend the cheaper model for beginners.',
    'Following this thread.', 'Can you post a screenshot of the error?', 'Turn it off and on again, seriously, it fixed mine.',
  ],
  policy: [
    'Employees must submit expense claims within 30 days.', 'Personal data is processed in accordance with applicable law.', 'You may cancel your subscription at any time.', 'We may update these terms from time to time.',
    'Visitors must sign in at reception and wear a badge.', 'The warranty does not cover damage caused by misuse.', 'All passwords must be at least 12 characters long.', 'Refunds are issued to the original payment method.',
    'By using this service, you agree to these terms.', 'Contact the data protection officer with any questions.', 'Managers must approve overtime in advance.',
  ],
};

const KINDS = ['enc', 'news', 'notify', 'personal', 'forum', 'policy'] as const;

/** A paragraph of 2-8 sentences of one kind of prose. */
export function proseLines(rng: Rng): string[] {
  const kind = rng.pick(KINDS);
  const lines: string[] = [];
  if (kind === 'personal') lines.push(`Hi ${rng.pick(['Sam', 'Jo', 'Dad', 'Auntie', 'Chris'])},`);
  if (kind === 'enc' || kind === 'news') lines.push(fill(rng, rng.pick(['{thing} ({place})', '{person}', 'Local news: {project}', '{place}']), X));
  const n = 2 + rng.int(7);
  for (let i = 0; i < n; i++) lines.push(fill(rng, `{${kind}}`, X));
  if (kind === 'personal') lines.push(rng.pick(['Love,', 'xx', 'Talk soon,', 'Cheers,']), rng.pick(['Kate', 'Ben', 'M.', 'Jules']));
  if (kind === 'notify') lines.push(rng.pick(['The Support Team', '— Security team', 'Thanks for banking with us.', 'Do not reply to this automated message.']));
  return rng.chance(0.4) ? [lines.join(' ')] : lines;
}
