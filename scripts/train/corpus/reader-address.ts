// Sentences in which a document speaks to its human reader: account and
// order notices, calls to action, instructions for doing something in the
// world. They contain "you", imperatives and questions, yet are plain data
// to an assistant; they are the hard negatives of the segment model.
import { fill, type Rng } from '../rng.js';

const R: Record<string, readonly string[]> = {
  youDid: ['received a payment of {money}', 'earned {n} reward points', 'been invited to join {thing}', 'signed up for {thing}', 'requested a password reset', 'used {n}% of your storage', 'completed your profile',
    'been charged {money} for {thing}', 'unlocked a new badge', 'reached your monthly limit', 'scheduled a transfer of {money}', 'saved {money} this month', 'missed a call from {who}'],
  yourThing: ['order', 'subscription', 'package', 'invoice', 'application', 'ticket', 'refund', 'account', 'appointment', 'reservation', 'claim', 'report', 'trial', 'membership', 'download'],
  status: ['is on its way', 'has been approved', 'is ready for pickup', 'was updated', 'will expire soon', 'has been renewed', 'is being processed', 'was cancelled', 'is confirmed', 'needs your attention', 'has shipped', 'is overdue'],
  action: ['confirm your email address', 'set up your withdrawal method', 'verify your identity', 'update your billing details', 'choose a new password', 'download the mobile app', 'activate your card', 'link your bank account',
    'add a payment method', 'finish setting up your profile', 'review the changes', 'accept the invitation', 'claim your reward', 'book your next visit', 'track your parcel', 'rate your experience', 'renew your plan'],
  imperative: ['click the button below', 'log in to your account', 'visit our help centre', 'call us at 0800 123 456', 'reply to this message', 'tap the link in the app', 'go to Settings', 'contact your administrator',
    'use the code at checkout', 'see the attached PDF', 'follow the steps on our website', 'speak to a branch advisor', 'check your spam folder', 'open the link within 24 hours', 'present this email at the counter'],
  condition: ['have any questions', 'did not make this request', 'no longer wish to receive these emails', 'need more time', 'notice anything unusual', 'want to change your delivery date', 'are having trouble', 'forgot your password'],
  thing: ['Premium', 'the team workspace', 'the annual plan', 'our loyalty program', 'the beta', 'the webinar', 'Cloud Storage', 'the community forum'],
  who: ['the clinic', 'your bank', 'an unknown number', 'the delivery driver'], money: ['$49.00', '€12.50', '£300', '$1,250.00'], n: ['5', '80', '250', '90'],
  template: [
    'You have {youDid}.', 'You\'ve {youDid}.', 'Your {yourThing} {status}.', 'All you need to do is {action}.', 'To {action}, {imperative}.', 'If you {condition}, {imperative}.', '{imperative} to {action}.',
    'Don\'t forget to {action}.', 'Please {action} by Friday.', 'Want to {action}? {imperative}.', 'You can {action} at any time.', 'Need help? {imperative}.', 'We recommend that you {action}.',
    'Thank you!', 'Thanks for your order!', 'Thank you for choosing us.', 'Have a great day!', 'We\'re here to help.', 'Questions? We\'re happy to help.', 'Did you know you can {action} in the app?',
    'Why not {action} today?', 'Ready to get started? {imperative}.', 'Here\'s what you need to know about your {yourThing}.', 'How was your experience? {imperative}.', 'What happens next? Your {yourThing} {status}.',
    'You currently have {money} available in your balance.',
    'Reply to this email to {action}.', 'Just reply to this message if you {condition}.', 'Reply with any questions and we will get back to you.', 'Reply YES to confirm your {yourThing}.',
    'Questions? Reply to this message.', 'Simply reply to let us know.', 'Write to us at support@example.com if you {condition}.', 'Tell us what you think in the comments!', 'Let us know how we did.',
    'Share this with a friend who might need it.', 'Answer a few quick questions to help us improve.', 'Give us a call if you {condition}.', 'You are receiving this because you {youDid2}.', 'Learn how to {action} in our guide.',
  ],
  youDid2: ['subscribed to our newsletter', 'created an account', 'opted in to alerts', 'made a purchase'],
};

export function readerAddressSentence(rng: Rng): string {
  const s = fill(rng, '{template}', R);
  return s.charAt(0).toUpperCase() + s.slice(1);
}
