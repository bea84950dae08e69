#!/usr/bin/perl
# Reference-parsing peer: Debian's libbiblio-citation-parser-perl
# (Biblio::Citation::Parser::Standard).
#   perl biblio.pl GOLD.jsonl OUT.jsonl [LIMIT]
# LIMIT: only the first LIMIT entries. An entry taking over 10 s is abandoned
# (the module backtracks badly on some inputs) and counts as parsed to nothing.
# Writes one JSON line of parsed fields per gold entry to OUT (the keys
# evkb-bench-refs scores) and prints {"refs","seconds"} for the parse loop.
use strict;
use warnings;
use utf8;
use JSON::PP;
use Time::HiRes qw(time);
use Biblio::Citation::Parser::Standard;

my ($gold, $outp, $limit) = @ARGV;
my $json = JSON::PP->new->utf8->canonical;
open(my $in, '<', $gold) or die "$gold: $!";
my @raw;
while (my $line = <$in>) {
  next unless $line =~ /\S/;
  push @raw, $json->decode($line)->{raw};
  last if $limit && @raw >= $limit;
}
close $in;
my $parser = Biblio::Citation::Parser::Standard->new;
my @parsed;
my $failed = 0;
my $t0 = time;
for my $r (@raw) {
  # The module builds regexes from its input and dies on some entries; such
  # an entry counts as parsed to nothing.
  my $m = eval {
    local $SIG{__WARN__} = sub {};
    local $SIG{ALRM} = sub { die "timeout\n" };
    alarm 10;
    my $res = $parser->parse($r);
    alarm 0;
    $res;
  };
  alarm 0;
  $failed++ unless defined $m;
  push @parsed, $m;
}
my $secs = time - $t0;

open(my $out, '>', $outp) or die "$outp: $!";
for my $m (@parsed) {
  $m ||= {};
  my $pages = $m->{pages} // '';
  if ($pages eq '' && defined $m->{spage}) {
    $pages = $m->{spage} . (defined $m->{epage} ? "-$m->{epage}" : '');
  }
  my $doi = '';
  for my $id (@{ $m->{id} || [] }) { $doi = $1 if $id =~ /^doi:(.*)/i; }
  my %f = (
    year => $m->{year} // '',
    first_author => $m->{aulast} // '',
    title => $m->{atitle} // '',
    container => $m->{publication} // ($m->{title} // ''),
    volume => $m->{volume} // '',
    issue => $m->{issue} // '',
    pages => $pages,
    doi => $doi,
  );
  print $out $json->encode(\%f), "\n";
}
close $out;
printf "{\"refs\":%d,\"failed\":%d,\"seconds\":%.6f}\n", scalar(@raw), $failed, $secs;
