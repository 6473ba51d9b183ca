/**
 * The Global Alliance 2014 reporting form, verbatim from the published country forms
 * (`../shared/seeds/`). Lines that a page break split in the documents are one sentence here.
 * Typed, not parsed at import (a cold start would pay for it): test/unit/form.test.ts checks that
 * FormSchema accepts it unchanged.
 */
import type { Form } from './schema';

const A = "Please report on implementation of any measures announced in your country's 2013 report";
const B =
  'Please assess progress made in your country to pursue this shared policy target and to reach this operational goal of the Global Alliance';
const C = 'Please indicate specific actions that your country will undertake as a follow-up';
/** Both published forms word goal 4.2's third question this way. */
const C_4_2 = 'Please indicate specific actions that will be undertaken as a follow-up';

export const FORM_2014: Form = {
  id: 'global-alliance-2014',
  version: 1,
  title: 'Global Alliance Against Child Sexual Abuse Online – 2014 Reporting Form',
  targets: [
    {
      number: 1,
      title: 'Enhancing efforts to identify victims and ensuring that they receive the necessary assistance, support and protection.',
      goals: [
        {
          id: '1.1',
          title:
            'Increase the number of identified victims in the International Child Sexual Exploitation images database (ICSE database) managed by INTERPOL by at least 10% yearly.',
          prompts: { A, B, C },
        },
      ],
    },
    {
      number: 2,
      title: 'Enhancing efforts to investigate cases of child sexual abuse online and to identify and prosecute offenders.',
      goals: [
        {
          id: '2.1',
          title:
            'Establish the necessary framework for the criminalization of child sexual abuse online and the effective prosecution of offenders, with the objective of enhancing efforts to investigate and prosecute offenders.',
          prompts: { A, B, C },
        },
        {
          id: '2.2',
          title: 'Improve the joint efforts of law enforcement authorities across Global Alliance countries to investigate and prosecute child sexual abuse online.',
          prompts: { A, B, C },
        },
      ],
    },
    {
      number: 3,
      title:
        "Enhancing efforts to increase public awareness of the risks posed by children's activities online, including grooming and self-production of images that results in the production of new child pornography that may be distributed online.",
      goals: [
        {
          id: '3.1',
          title:
            "Develop, improve, or support appropriate public awareness campaigns or other measures which educate parents, children, and others responsible for children regarding the risks that children's online conduct poses and the steps they can take to minimize those risks.",
          prompts: { A, B, C },
        },
        {
          id: '3.2',
          title:
            'Share best practices among Global Alliance countries for effective strategies to inform the public about the risks posed by online, self-exploitative conduct in order to reduce the production of new child pornography.',
          prompts: { A, B, C },
        },
      ],
    },
    {
      number: 4,
      title:
        'Reducing as much as possible the availability of child pornography online and reducing as much as possible the re-victimization of children whose sexual abuse is depicted.',
      goals: [
        {
          id: '4.1',
          title:
            'Encourage participation by the private sector in identifying and removing known child pornography material located in the relevant State, including increasing as much as possible the volume of system data examined for child pornography images.',
          prompts: { A, B, C },
        },
        {
          id: '4.2',
          title: 'Increase the speed of notice and takedown procedures as much as possible without jeopardizing criminal investigation.',
          prompts: { A, B, C: C_4_2 },
        },
      ],
    },
  ],
};
